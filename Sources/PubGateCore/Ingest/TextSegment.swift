import EncodingKit

/// A run of text extracted from a document, with the original scalar index of each of its scalars.
///
/// Segments are what every later stage reads. `origins[i]` is the index, in the document's decoded
/// scalars, of the character that produced `scalars[i]` (an entity such as `&amp;` maps to its `&`).
public struct TextSegment: Sendable {
    public var part: ContentPart
    public var scalars: [Unicode.Scalar]
    public var origins: [Int32]
    /// Whether the segment ends a block (paragraph, cell, attribute value): the normalizer then
    /// inserts a line break so words from neighbouring blocks never run together.
    public var endsBlock: Bool
    /// For a container document, where in the file the text is (`word/header1.xml ¶1`, `Sheet1!C7`,
    /// `page 3 line 14`); findings carry it as their location's `container`.
    public var place: String?
    /// For a table cell, the header of its column (`决定书编号`, `联系电话`): a reviewer reads a cell
    /// by its column, and so do the rules whose matches are only digits.
    public var column: String?

    public init(part: ContentPart, scalars: [Unicode.Scalar], origins: [Int32], endsBlock: Bool = true, place: String? = nil) {
        precondition(scalars.count == origins.count)
        self.part = part
        self.scalars = scalars
        self.origins = origins
        self.endsBlock = endsBlock
        self.place = place
    }

    /// A segment covering decoded scalars `range` verbatim.
    public init(part: ContentPart, decoded: [Unicode.Scalar], range: Range<Int>) {
        // The whole text (a plain-text file) shares the decoded array instead of copying it.
        self.init(
            part: part, scalars: range == decoded.indices ? decoded : Array(decoded[range]),
            origins: Array(Int32(range.lowerBound)..<Int32(range.upperBound)))
    }

    public var text: String {
        UTF8Bytes.string(scalars)
    }
}
