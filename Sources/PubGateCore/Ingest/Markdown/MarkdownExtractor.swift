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
        let scalars = text.scalars
        // The readers below count in scalars; segments carry byte offsets.
        let offsets = text.scalarOffsets
        var extraction = TextExtraction()
        // What cmark reads: front matter and shortcode tags blanked, line breaks kept, so its
        // lines are the file's lines.
        var view = scalars
        var blanked: [Range<Int>] = []
        var front: [TextSegment] = []
        var frontFields: [String: String] = [:]
        var bodyStart = 0
        if let block = FrontMatterBlock.locate(in: scalars) {
            let read = block.read(scalars)
            front = read.segments
            frontFields = read.fields
            if let problem = read.problem { extraction.findings.append(problem) }
            blanked.append(block.range)
            bodyStart = block.range.upperBound
        }
        var parameters: [TextSegment] = []
        // A UTF-8 file without `{{` (nearly every page) has no shortcode: one memchr pass tells.
        let mayHaveShortcodes = LiteralSearch.contains([0x7B, 0x7B], in: text.utf8)
        for tag in mayHaveShortcodes ? HugoShortcode.all(in: scalars, range: bodyStart..<scalars.count) : [] {
            for p in tag.parameters where scalars[p].contains(where: { !$0.isWhiteSpace }) {
                parameters.append(TextSegment(part: .attribute, scalars: Array(scalars[p]), scalarOrigins: p.map { Int32($0) }))
            }
            blanked.append(tag.range)
        }
        for range in blanked { Self.blank(&view, range, startsLine: Self.startsLine(range, in: view, from: bodyStart)) }
        let body: [TextSegment]
        do {
            body = try Self.body(
                view, map: MarkdownSourceMap(view: view, decoded: text, scalarOffsets: offsets, blanked: blanked), shortcodeParameters: parameters)
        } catch {
            // cmark-gfm never rejects text; should it fail, the body is scanned as written.
            body = [
                TextSegment(part: .body, scalars: Array(scalars[bodyStart...]), scalarOrigins: (bodyStart..<scalars.count).map { Int32($0) })
            ]
            extraction.findings.append(
                Finding(
                    ruleID: "markdown_unparsable", kind: .unscannable, severity: .block,
                    text: Message("markdown_unparsable", ["reason": error.description])))
        }
        extraction.segments = (front + body).map { $0.remapped(through: offsets) }
        var fields = MetadataReader.read(body)
        for (key, value) in frontFields where fields[key] == nil { fields[key] = value }
        extraction.metadata = fields
        return extraction
    }

    /// The body's segments from cmark-gfm's reading of `view`.
    static func body(
        _ view: [Unicode.Scalar], map: MarkdownSourceMap, shortcodeParameters: [TextSegment]
    ) throws(MarkdownParseError) -> [TextSegment] {
        let maxTableCells = Self.maxTableCells
        let walker = MarkdownWalker(view: view, map: map, shortcodes: shortcodeParameters)
        try MarkdownParser.parse(map.utf8, into: walker, tables: map.widestRow <= maxTableCells)
        guard walker.htmlNodes.isEmpty else {
            return MarkdownHTML.resolve(walker.pieces, htmlNodes: walker.htmlNodes, view: view)
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
    static func blank(_ view: inout [Unicode.Scalar], _ range: Range<Int>, startsLine: Bool = false) {
        let fill: Unicode.Scalar = startsLine ? "\n" : " "
        for i in range where view[i] != "\n" && view[i] != "\r" { view[i] = fill }
    }

    /// Whether only blanks and container markers — block quote `>`, list markers `-`, `*`, `+`,
    /// `1.`, `1)` followed by a blank — stand before `range` on its line (tags blanked before it
    /// count as blank; the body's first line starts at `bodyStart`).
    static func startsLine(_ range: Range<Int>, in view: [Unicode.Scalar], from bodyStart: Int) -> Bool {
        guard range.lowerBound > bodyStart else { return range.lowerBound == bodyStart }
        var i = range.lowerBound - 1
        while true {
            let blanks = i
            while i >= bodyStart, view[i] == " " || view[i] == "\t" { i -= 1 }
            if i < bodyStart || view[i] == "\n" || view[i] == "\r" { return true }
            let spaced = i < blanks
            switch view[i] {
            case ">": i -= 1
            case "-" where spaced, "*" where spaced, "+" where spaced: i -= 1
            case "." where spaced, ")" where spaced:
                var j = i - 1
                while j >= bodyStart, i - j <= 9, ("0"..."9").contains(view[j]) { j -= 1 }
                guard j < i - 1 else { return false }
                i = j
            default: return false
            }
            // A marker stands after a blank or at the start of its line, not inside a word.
            if i >= bodyStart, view[i] != " ", view[i] != "\t", view[i] != "\n", view[i] != "\r", view[i] != ">" { return false }
        }
    }
}
