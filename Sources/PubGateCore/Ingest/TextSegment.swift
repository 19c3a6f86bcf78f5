import EncodingKit

/// A run of text extracted from a document: its UTF-8, and where each of its characters came from.
///
/// Segments are what every later stage reads. Origins are byte offsets in the document's decoded
/// UTF-8 (``DecodedText/utf8``), stored by runs: run `r` starts at byte `runStarts[r]` of `utf8`,
/// and each byte of it came from byte `runOrigins[r]` onwards, one for one — text copied from the
/// source as it is written takes one run. A character written otherwise in the source (an entity
/// such as `&amp;` maps to its `&`) takes a run of its own; a lookup reads a character's origin at
/// its first byte.
struct TextSegment: Sendable {
    var part: ContentPart
    private(set) var utf8: [UInt8]
    private(set) var runStarts: [Int32]
    private(set) var runOrigins: [Int32]
    /// Whether the segment ends a block (paragraph, cell, attribute value): the normalizer then
    /// inserts a line break so words from neighbouring blocks never run together.
    var endsBlock: Bool
    /// For a container document, where in the file the text is (`word/header1.xml ¶1`, `Sheet1!C7`,
    /// `page 3 line 14`); findings carry it as their location's `container`.
    var place: String?
    /// For a table cell, the header of its column (`决定书编号`, `联系电话`): a reviewer reads a cell
    /// by its column, and so do the rules whose matches are only digits.
    var column: String?
    /// Whether the runs count scalars of a reader's text (``init(part:scalars:scalarOrigins:endsBlock:place:)``)
    /// instead of decoded bytes.
    private(set) var countsScalars = false

    /// A segment of `utf8` with origin runs (`runStarts` ascending from 0, one origin each).
    init(
        part: ContentPart, utf8: [UInt8], runStarts: [Int32], runOrigins: [Int32], endsBlock: Bool = true, place: String? = nil
    ) {
        precondition(runStarts.count == runOrigins.count && (utf8.isEmpty || runStarts.first == 0))
        self.part = part
        self.utf8 = utf8
        self.runStarts = runStarts
        self.runOrigins = runOrigins
        self.endsBlock = endsBlock
        self.place = place
    }

    /// A segment of `scalars` whose scalar `i` came from byte `origins[i]`: the runs are found here.
    init(part: ContentPart, scalars: [Unicode.Scalar], origins: [Int32], endsBlock: Bool = true, place: String? = nil) {
        precondition(scalars.count == origins.count)
        let encoded = UTF8Bytes.encode(scalars, origins: origins, inBytes: true)
        self.init(
            part: part, utf8: encoded.utf8, runStarts: encoded.runStarts, runOrigins: encoded.runOrigins, endsBlock: endsBlock, place: place)
    }

    /// A segment of a reader that counts in scalars (front matter, shortcode tags, Markdown's raw HTML overlay): scalar `i` came from
    /// scalar `scalarOrigins[i]` of the text it read. Its runs count scalars until
    /// ``remapped(through:)`` makes them byte offsets; only then is it a document's segment.
    init(part: ContentPart, scalars: [Unicode.Scalar], scalarOrigins: [Int32], endsBlock: Bool = true, place: String? = nil) {
        precondition(scalars.count == scalarOrigins.count)
        let encoded = UTF8Bytes.encode(scalars, origins: scalarOrigins, inBytes: false)
        self.init(
            part: part, utf8: encoded.utf8, runStarts: encoded.runStarts, runOrigins: encoded.runOrigins, endsBlock: endsBlock, place: place)
        countsScalars = true
    }

    /// A segment covering decoded bytes `range` of `decoded` verbatim.
    init(part: ContentPart, decoded: [UInt8], range: Range<Int>) {
        // The whole text (a plain-text file) shares the decoded array instead of copying it.
        self.init(
            part: part, utf8: range == decoded.indices ? decoded : Array(decoded[range]), runStarts: range.isEmpty ? [] : [0],
            runOrigins: range.isEmpty ? [] : [Int32(range.lowerBound)])
    }

    var text: String {
        String(decoding: utf8, as: UTF8.self)
    }

    /// The segment's scalars (decoded on every call), for the readers that go by character.
    var scalars: [Unicode.Scalar] {
        UTF8Bytes.scalars(ofUTF8: utf8.span)
    }

    /// The origin of each scalar, in order (expanded from the runs on every call).
    var origins: [Int32] {
        UTF8Bytes.origins(of: utf8, runStarts: runStarts, runOrigins: runOrigins, inBytes: !countsScalars)
    }

    /// The origin of the first character; nil for an empty segment.
    var firstOrigin: Int32? { runOrigins.first }

    /// The segment with each origin `o` replaced by `table[o]`, a byte offset: scalar indices (what
    /// the front matter reader and Markdown's raw HTML overlay count in) made a document's
    /// positions. The text stays as it is.
    func remapped(through table: [Int32]) -> TextSegment {
        let runs = UTF8Bytes.remap(utf8, runStarts: runStarts, runOrigins: runOrigins, inBytes: !countsScalars, through: table)
        var copy = TextSegment(
            part: part, utf8: utf8, runStarts: runs.runStarts, runOrigins: runs.runOrigins, endsBlock: endsBlock, place: place)
        copy.column = column
        return copy
    }

    /// The segment with each byte origin `o` replaced by `table[o]`, a scalar index: segments read
    /// in the terms of Markdown's raw HTML overlay (``MarkdownHTML``).
    func inScalars(through table: [Int32]) -> TextSegment {
        var copy = TextSegment(part: part, scalars: scalars, scalarOrigins: origins.map { table[Int($0)] }, endsBlock: endsBlock, place: place)
        copy.column = column
        return copy
    }
}
