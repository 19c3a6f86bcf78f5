import EncodingKit

/// The text pubgate reads out of a container document, laid out as a virtual text file: one line
/// per block (paragraph, table row, PDF line), each segment knowing its place in the container.
///
/// Later stages treat it like a decoded file, so classify, scan, suppressions and aggregation work
/// unchanged; line and column count in this text and `place` says where it is in the real file.
struct ExtractedText {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var segments: [TextSegment] = []
    /// Prepended to every place: an attachment's name while the text read out of it is appended.
    var placePrefix = ""
    private var lineOpen = false

    /// Appends `text` from `place`; `endsBlock` closes the line after it. Whitespace-only text
    /// still closes an open line when asked to.
    mutating func append(_ text: String, part: ContentPart, place: String, endsBlock: Bool = true) {
        let new = Array(text.unicodeScalars)
        guard new.contains(where: { !$0.properties.isWhitespace }) else {
            if endsBlock { closeLine() }
            return
        }
        let start = scalars.count
        scalars.append(contentsOf: new)
        segments.append(
            TextSegment(
                part: part, scalars: new, origins: (start..<scalars.count).map { Int32($0) }, endsBlock: endsBlock,
                place: placePrefix + place))
        lineOpen = true
        if endsBlock { closeLine() }
    }

    /// Ends the current line if text is pending on it.
    mutating func closeLine() {
        guard lineOpen else { return }
        scalars.append("\n")
        segments[segments.count - 1].endsBlock = true
        lineOpen = false
    }

    /// Where the last appended segment is, in this text and in the container.
    var lastSegmentLocation: SourceLocation? { segments.isEmpty ? nil : location(ofSegment: segments.count - 1) }

    /// Where segment `index` is, in this text and in the container.
    func location(ofSegment index: Int) -> SourceLocation? {
        let segment = segments[index]
        guard let first = segment.origins.first.map(Int.init) else { return nil }
        var line = 1
        var lineStart = 0
        var byte = 0
        for i in 0..<first {
            if scalars[i] == "\n" {
                line += 1
                lineStart = i + 1
            }
            byte += UTF8.width(scalars[i])
        }
        let column = first - lineStart + 1
        let length = segment.scalars.reduce(0) { $0 + UTF8.width($1) }
        return SourceLocation(
            line: line, column: column, endLine: line, endColumn: column + segment.scalars.count,
            byteStart: byte, byteEnd: byte + length, container: segment.place)
    }

    /// The text as a decoded document: byte offsets are those of its UTF-8 form.
    var decoded: DecodedText {
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for s in scalars {
            offsets.append(offset)
            offset += UTF8.width(s)
        }
        offsets.append(offset)
        return DecodedText(scalars: scalars, byteOffsets: offsets, encoding: .utf8)
    }
}
