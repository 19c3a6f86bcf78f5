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
    /// Where each segment starts (line, column, UTF-8 byte), kept as text is appended so a finding
    /// about any cell of a large sheet is located in constant time.
    private var starts: [(line: Int, column: Int, byte: Int)] = []
    private var line = 1
    private var lineStart = 0
    private var bytes = 0

    /// Appends `text` from `place`; `endsBlock` closes the line after it. Whitespace-only text
    /// still closes an open line when asked to. The place is kept as reports show it: an entry
    /// named with a mobile number (`附件/13912345678.xlsx`) is masked like any file name.
    mutating func append(_ text: String, part: ContentPart, place: String, endsBlock: Bool = true) {
        let new = UTF8Bytes.scalars(of: text)
        guard new.contains(where: { !$0.isWhiteSpace }) else {
            if endsBlock { closeLine() }
            return
        }
        let start = scalars.count
        starts.append((line, start - lineStart + 1, bytes))
        for s in new {
            bytes += UTF8.width(s)
            if s == "\n" {
                line += 1
                lineStart = scalars.count + 1
            }
            scalars.append(s)
        }
        segments.append(
            TextSegment(
                part: part, scalars: new, origins: (start..<scalars.count).map { Int32($0) }, endsBlock: endsBlock,
                place: ElementMasking.maskDigitRuns(placePrefix + place)))
        lineOpen = true
        if endsBlock { closeLine() }
    }

    /// Ends the current line if text is pending on it.
    mutating func closeLine() {
        guard lineOpen else { return }
        scalars.append("\n")
        bytes += 1
        line += 1
        lineStart = scalars.count
        segments[segments.count - 1].endsBlock = true
        lineOpen = false
    }

    /// Where the last appended segment is, in this text and in the container.
    var lastSegmentLocation: SourceLocation? { segments.isEmpty ? nil : location(ofSegment: segments.count - 1) }

    /// Where segment `index` starts and ends (on its first line), in this text and in the container.
    func location(ofSegment index: Int) -> SourceLocation {
        let segment = segments[index]
        let start = starts[index]
        let length = segment.scalars.reduce(0) { $0 + UTF8.width($1) }
        return SourceLocation(
            line: start.line, column: start.column, endLine: start.line, endColumn: start.column + segment.scalars.count,
            byteStart: start.byte, byteEnd: start.byte + length, container: segment.place)
    }

    /// The text as a decoded document: byte offsets are those of its UTF-8 form.
    var decoded: DecodedText {
        var offsets: [UInt32] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset: UInt32 = 0
        for s in scalars {
            offsets.append(offset)
            offset += UInt32(UTF8.width(s))
        }
        offsets.append(offset)
        return DecodedText(scalars: scalars, byteOffsets: offsets, encoding: .utf8)
    }
}
