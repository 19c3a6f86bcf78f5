/// A string value of a front matter block with the keys leading to it.
struct FrontMatterLeaf: Equatable {
    /// A position YAML reports: 1-based line and column (in Unicode scalars) in the block's content.
    struct Mark: Equatable {
        let line: Int
        let column: Int
    }

    /// Keys from the top of the block; an array's items share their array's path.
    let path: [String]
    /// The value as the parser read it: quotes removed, escapes resolved, folded lines joined.
    let value: String
    /// Where YAML put the key and the value; TOML and JSON parsers give no positions.
    var keyMark: Mark? = nil
    var valueMark: Mark? = nil

    /// The key the value is written under.
    var key: String { path.last ?? "" }
}
