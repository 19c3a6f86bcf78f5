import EncodingKit

/// The text pubgate reads out of a container document, laid out as a virtual text file: one line
/// per block (paragraph, table row, PDF line), each segment knowing its place in the container.
///
/// Later stages treat it like a decoded file, so classify, scan, suppressions and aggregation work
/// unchanged; line and column count in this text and `place` says where it is in the real file.
struct ExtractedText {
    private(set) var utf8: [UInt8] = []
    private(set) var segments: [TextSegment] = []
    /// Prepended to every place: an attachment's name while the text read out of it is appended.
    var placePrefix = ""
    private var lineOpen = false
    /// Where each segment starts (line, column, UTF-8 byte), kept as text is appended so a finding
    /// about any cell of a large sheet is located in constant time.
    private var starts: [(line: Int, column: Int, byte: Int)] = []
    private var line = 1
    /// The scalar count at the start of the current line, and so far.
    private var lineStart = 0
    private var scalarCount = 0

    /// Appends `text` from `place`; `endsBlock` closes the line after it. Whitespace-only text
    /// still closes an open line when asked to. The place is kept as reports show it: an entry
    /// named with a mobile number (`附件/13912345678.xlsx`) is masked like any file name.
    mutating func append(_ text: String, part: ContentPart, place: String, endsBlock: Bool = true) {
        let new = Array(text.utf8)
        guard !Unicode.Scalar.allWhiteSpace(new.span) else {
            if endsBlock { closeLine() }
            return
        }
        let start = utf8.count
        starts.append((line, scalarCount - lineStart + 1, start))
        for b in new where b & 0xC0 != 0x80 {
            scalarCount += 1
            if b == 0x0A {
                line += 1
                lineStart = scalarCount
            }
        }
        utf8 += new
        segments.append(
            TextSegment(
                part: part, utf8: new, runStarts: [0], runOrigins: [Int32(start)], endsBlock: endsBlock,
                place: ElementMasking.maskDigitRuns(placePrefix + place)))
        lineOpen = true
        if endsBlock { closeLine() }
    }

    /// Ends the current line if text is pending on it.
    mutating func closeLine() {
        guard lineOpen else { return }
        utf8.append(0x0A)
        scalarCount += 1
        line += 1
        lineStart = scalarCount
        segments[segments.count - 1].endsBlock = true
        lineOpen = false
    }

    /// Where the last appended segment is, in this text and in the container.
    var lastSegmentLocation: SourceLocation? { segments.isEmpty ? nil : location(ofSegment: segments.count - 1) }

    /// Where segment `index` starts and ends (on its first line), in this text and in the container.
    func location(ofSegment index: Int) -> SourceLocation {
        let segment = segments[index]
        let start = starts[index]
        let length = segment.utf8.count
        return SourceLocation(
            line: start.line, column: start.column, endLine: start.line,
            endColumn: start.column + UTF8Bytes.scalarCount(in: segment.utf8, segment.utf8.indices),
            byteStart: start.byte, byteEnd: start.byte + length, container: segment.place)
    }

    /// The text as a decoded document: positions are bytes of its UTF-8 form.
    var decoded: DecodedText {
        DecodedText(utf8: utf8, encoding: .utf8)
    }
}
