import BytesKit
import CommonMarkKit
import EncodingKit
import PCRE2Kit

/// Markdown with optional front matter, read the way a Hugo site serves it.
///
/// The front matter (YAML, TOML or JSON) is read by its real parser (``FrontMatterContent``) and
/// gives metadata and a `key: value` line per value; a malformed block is a `format` finding and is
/// scanned as written. Hugo shortcodes' parameters are attribute text and their tags are not
/// Markdown. The body is parsed by cmark-gfm (CommonMark with GitHub's tables, strikethrough and
/// autolinks, as Hugo's goldmark reads it) and laid out by ``MarkdownWalker``; raw HTML in it goes
/// through the HTML path (``MarkdownHTML``). Every character keeps its place in the file.
struct MarkdownExtractor: TextExtractor {

    func extract(_ text: DecodedText) -> TextExtraction {
        let utf8 = text.utf8
        var extraction = TextExtraction()
        // What cmark reads: front matter and shortcode tags blanked, line breaks kept, so its
        // lines are the file's lines.
        var view = utf8
        var blanked: [Range<Int>] = []
        var front: [TextSegment] = []
        var frontFields: [String: String] = [:]
        var bodyStart = 0
        var bodyStartScalar = 0
        if FrontMatterBlock.mayStart(utf8), let (block, scalars, offsets) = Self.frontMatter(utf8) {
            let read = block.read(scalars)
            front = read.segments.map { $0.remapped(through: offsets) }
            frontFields = read.fields
            if let problem = read.problem { extraction.findings.append(problem) }
            bodyStart = Int(offsets[block.range.upperBound])
            bodyStartScalar = block.range.upperBound
            blanked.append(0..<bodyStart)
        }
        var parameters: [TextSegment] = []
        // A text without `{{` (nearly every page) has no shortcode: one memchr pass tells. Tags are
        // read by character, so only then is the text decoded.
        if LiteralSearch.contains([0x7B, 0x7B], in: utf8) {
            let scalars = UTF8Bytes.scalars(ofUTF8: utf8.span)
            let offsets = Self.byteOffsets(of: scalars)
            for tag in HugoShortcode.all(in: scalars, range: bodyStartScalar..<scalars.count) {
                for p in tag.parameters where scalars[p].contains(where: { !$0.isWhiteSpace }) {
                    parameters.append(
                        TextSegment(part: .attribute, scalars: Array(scalars[p]), scalarOrigins: p.map { Int32($0) }).remapped(through: offsets))
                }
                blanked.append(Int(offsets[tag.range.lowerBound])..<Int(offsets[tag.range.upperBound]))
            }
        }
        var addedLineBreaks = false
        for range in blanked {
            let startsLine = Self.startsLine(range, in: view, from: bodyStart)
            Self.blank(&view, range, startsLine: startsLine)
            addedLineBreaks = addedLineBreaks || (startsLine && !range.isEmpty)
        }
        let map = MarkdownSourceMap(utf8: view, lineStarts: addedLineBreaks ? DecodedText.lineStarts(ofUTF8: view) : text.lineStarts)
        let body: [TextSegment]
        do {
            body = try Self.body(map: map, shortcodeParameters: parameters)
        } catch {
            // cmark-gfm never rejects text; should it fail, the body is scanned as written.
            body = [TextSegment(part: .body, decoded: utf8, range: bodyStart..<utf8.count)]
            extraction.findings.append(
                Finding(
                    ruleID: "markdown_unparsable", kind: .unscannable, severity: .block,
                    text: Message("markdown_unparsable", ["reason": error.description])))
        }
        extraction.segments = front + body
        var fields = MetadataReader.read(body)
        for (key, value) in frontFields where fields[key] == nil { fields[key] = value }
        extraction.metadata = fields
        return extraction
    }

    /// Front matter is looked for in the characters of the text's first 4 KiB (to a line's end),
    /// then of twice as much until it is found or the whole text is read: a block is small, a
    /// body may be large, and only the block's characters are decoded.
    static let frontMatterPrefix = 4096

    /// The front matter block at the top of `utf8`, the characters it was found in (a prefix of
    /// the text), and their byte offsets (``byteOffsets(of:)``).
    static func frontMatter(_ utf8: [UInt8]) -> (FrontMatterBlock, [Unicode.Scalar], [Int32])? {
        var size = frontMatterPrefix
        while true {
            var end = utf8.count
            if utf8.count > size, let lineFeed = LiteralSearch.firstIndex(of: [0x0A], in: utf8, from: size) {
                // Cut after a line feed: the lines before it read as they do in the whole text.
                end = lineFeed + 1
            }
            let prefix = utf8[..<end]
            let scalars = UTF8Bytes.scalars(ofUTF8: prefix.span)
            if let block = FrontMatterBlock.locate(in: scalars) { return (block, scalars, byteOffsets(of: scalars)) }
            guard end < utf8.count else { return nil }
            size = end * 2
        }
    }

    /// Where each of `scalars` starts in their UTF-8, and the end: what turns a reader's scalar
    /// indices into byte offsets (``TextSegment/remapped(through:)``).
    static func byteOffsets(of scalars: [Unicode.Scalar]) -> [Int32] {
        var offsets: [Int32] = []
        offsets.reserveCapacity(scalars.count + 1)
        var o: Int32 = 0
        for s in scalars {
            offsets.append(o)
            o += Int32(UTF8.width(s))
        }
        offsets.append(o)
        return offsets
    }

    /// The body's segments from cmark-gfm's reading of `map`'s text.
    static func body(map: MarkdownSourceMap, shortcodeParameters: [TextSegment]) throws(MarkdownParseError) -> [TextSegment] {
        let maxTableCells = Self.maxTableCells
        let walker = MarkdownWalker(map: map, shortcodes: shortcodeParameters)
        try MarkdownParser.parse(map.utf8, into: walker, tables: map.widestRow <= maxTableCells)
        guard walker.htmlNodes.isEmpty else {
            return MarkdownHTML.resolve(walker.pieces, htmlNodes: walker.htmlNodes, view: map.utf8)
        }
        return walker.pieces.compactMap { piece in
            if case .segment(let segment) = piece { return segment }
            return nil
        }
    }

    /// Rows wider than this are read as text, not table cells: cmark-gfm's table extension takes
    /// time quadratic in a row's cells (a 20,000-cell row took seconds), and no site publishes such
    /// a table. The cells' text is scanned all the same, as a line.
    static let maxTableCells = 500

    /// Blanks `range` of `view`, line breaks kept: with spaces, or with line breaks where the range
    /// starts its line or the content of a list item or block quote. Hugo puts a shortcode's output
    /// where its tag stood, so the text after a tag at the start of a line (or after `- `, `1. `,
    /// `>`) starts that line's text; blanked with spaces, a tag of four characters or more would
    /// make it an indented code block (`{{% notice %}}**内部资料**` read as code, its stars kept and
    /// its mark no longer at the start of a line).
    static func blank(_ view: inout [UInt8], _ range: Range<Int>, startsLine: Bool = false) {
        let fill: UInt8 = startsLine ? 0x0A : 0x20
        for i in range where view[i] != 0x0A && view[i] != 0x0D { view[i] = fill }
    }

    /// Whether only blanks and container markers — block quote `>`, list markers `-`, `*`, `+`,
    /// `1.`, `1)` followed by a blank — stand before `range` on its line (tags blanked before it
    /// count as blank; the body's first line starts at `bodyStart`). All of them are ASCII: a byte
    /// of any other character ends the look back.
    static func startsLine(_ range: Range<Int>, in view: [UInt8], from bodyStart: Int) -> Bool {
        guard range.lowerBound > bodyStart else { return range.lowerBound == bodyStart }
        var i = range.lowerBound - 1
        while true {
            let blanks = i
            while i >= bodyStart, view[i] == 0x20 || view[i] == 0x09 { i -= 1 }
            if i < bodyStart || view[i] == 0x0A || view[i] == 0x0D { return true }
            let spaced = i < blanks
            switch view[i] {
            case 0x3E: i -= 1
            case 0x2D where spaced, 0x2A where spaced, 0x2B where spaced: i -= 1
            case 0x2E where spaced, 0x29 where spaced:
                var j = i - 1
                while j >= bodyStart, i - j <= 9, (0x30...0x39).contains(view[j]) { j -= 1 }
                guard j < i - 1 else { return false }
                i = j
            default: return false
            }
            // A marker stands after a blank or at the start of its line, not inside a word.
            if i >= bodyStart, view[i] != 0x20, view[i] != 0x09, view[i] != 0x0A, view[i] != 0x0D, view[i] != 0x3E { return false }
        }
    }
}
