/// The matching copy of a document: normalized UTF-8 with a map from every byte back to the source.
///
/// The map is sparse: normalized bytes come in runs copied from the document's decoded UTF-8 —
/// most text is kept as it is — so only where a run starts, and the decoded byte it came from, is
/// stored. A run breaks where normalization dropped, replaced, expanded or inserted something.
/// (An `Int32` per byte was four times the text and a fifth of the normalizer's time.) Inserted line
/// breaks take the origin of the character before them.
struct NormalizedText: Sendable {
    let utf8: [UInt8]
    let origins: OriginMap
    /// The content part of each normalized byte range, in order.
    let parts: [(range: Range<Int>, part: ContentPart)]
    /// For a container document, the place in the file of each normalized byte range, in order.
    let places: [(range: Range<Int>, place: String)]
    /// For table cells, the header of the column of each normalized byte range, in order.
    let columns: [(range: Range<Int>, place: String)]

    init(
        utf8: [UInt8], origins: OriginMap, parts: [(range: Range<Int>, part: ContentPart)], places: [(range: Range<Int>, place: String)] = [],
        columns: [(range: Range<Int>, place: String)] = []
    ) {
        self.utf8 = utf8
        self.origins = origins
        self.parts = parts
        self.places = places
        self.columns = columns
    }

    /// The content part that normalized byte `offset` belongs to.
    func part(at offset: Int) -> ContentPart {
        Self.index(of: offset, count: parts.count) { parts[$0].range }.map { parts[$0].part } ?? .body
    }

    /// The place in a container document of normalized byte `offset`; nil for text formats.
    func place(at offset: Int) -> String? {
        Self.index(of: offset, count: places.count) { places[$0].range }.map { places[$0].place }
    }

    /// The header of the table column that normalized byte `offset` is in; nil outside table cells.
    func column(at offset: Int) -> String? {
        Self.index(of: offset, count: columns.count) { columns[$0].range }.map { columns[$0].place }
    }

    /// Binary search of `count` sorted, non-overlapping byte ranges for the one holding `offset`.
    /// (Taking the arrays themselves would convert their tuple labels, copying them on every call.)
    private static func index(of offset: Int, count: Int, range: (Int) -> Range<Int>) -> Int? {
        var lo = 0
        var hi = count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = range(mid)
            if offset < r.lowerBound { hi = mid - 1 } else if offset >= r.upperBound { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// Where in the decoded UTF-8 the character that produced normalized byte `offset` starts.
    func origin(ofByte offset: Int) -> Int {
        origins.origin(ofByte: offset, in: utf8)
    }

    /// The decoded bytes covered by normalized bytes `range`: from where its first character's
    /// origin starts to the first byte after the start of its last character's origin (the caller
    /// that has the decoded text takes it to that character's end).
    func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !utf8.isEmpty, !range.isEmpty else {
            let at = utf8.isEmpty ? 0 : origin(ofByte: min(range.lowerBound, utf8.count - 1))
            return at..<at
        }
        let start = origin(ofByte: range.lowerBound)
        let end = origin(ofByte: range.upperBound - 1) + 1
        return start..<max(start, end)
    }

    /// The normalized text of `range` as a string.
    func string(_ range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }
}
