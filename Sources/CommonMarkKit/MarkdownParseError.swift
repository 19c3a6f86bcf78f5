/// cmark-gfm could not parse a document (it never rejects text; this is an allocation or size
/// failure, or a missing extension).
public struct MarkdownParseError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String

    public var description: String { message }
}
