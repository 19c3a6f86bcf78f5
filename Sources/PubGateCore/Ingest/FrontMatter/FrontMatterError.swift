/// A front matter block that does not parse.
struct FrontMatterError: Error {
    let summary: String
}
