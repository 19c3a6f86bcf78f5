/// One node of a CommonMark (GitHub Flavored) document, copied out of cmark-gfm while it is read.
///
/// Positions are cmark's: 1-based lines, and 1-based columns counted in bytes of the UTF-8 input.
/// cmark gives them reliably for blocks; for inlines they are a hint (a node after an escape or
/// inside a container can be off), which is why callers find each literal in the source themselves.
public struct MarkdownNode: Sendable {
    public let kind: MarkdownNodeKind
    /// The text of a leaf as UTF-8: a text run with escapes and entities resolved, a code span or
    /// block, raw HTML. Nil for containers. (Bytes, not a `String`: callers decode it once into
    /// what they keep.)
    public let literalUTF8: [UInt8]?
    /// A link's or image's destination, with escapes resolved.
    public let url: String?
    /// A link's or image's title.
    public let title: String?
    public let start: MarkdownPosition
    public let end: MarkdownPosition

    public init(
        kind: MarkdownNodeKind, literalUTF8: [UInt8]? = nil, url: String? = nil, title: String? = nil,
        start: MarkdownPosition, end: MarkdownPosition
    ) {
        self.kind = kind
        self.literalUTF8 = literalUTF8
        self.url = url
        self.title = title
        self.start = start
        self.end = end
    }

    /// The leaf's text as a string.
    public var literal: String? { literalUTF8.map { String(decoding: $0, as: UTF8.self) } }
}

/// A line and a byte column, both 1-based, in the UTF-8 text that was parsed.
public struct MarkdownPosition: Sendable, Equatable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
