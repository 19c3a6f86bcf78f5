import BytesKit
import CommonMarkKit
import EncodingKit
import Foundation
import PCRE2Kit

/// What the Markdown walker produces, in reading order: text, or the place of a raw HTML node whose
/// text the HTML path supplies afterwards (``MarkdownHTML``).
enum MarkdownPiece {
    case segment(TextSegment)
    case html(Int)
}

/// Builds a Markdown page's text from cmark-gfm's nodes, each character pointing at the file.
///
/// Every block (paragraph, heading, table row, code block) is a line of its own, so a mark written
/// `**内部资料　注意保存**` starts its line as it does on the page. Inlines join within their block:
/// emphasis, links and code spans add no characters. A table row is one line, its cells separated by
/// ` | ` (the header row first), so a row's name and number stay together as on the page. What a
/// reader does not see in the flow — link and image targets, link titles, image descriptions, raw
/// HTML's attributes and comments, shortcode parameters — is added after its block as attribute
/// text.
///
/// cmark gives reliable positions for blocks only, and its literals have escapes and references
/// resolved: each literal is found in the source's bytes from a cursor that walks the block — by
/// comparing bytes where it is written as it is (most text), else by ``LiteralAligner`` over the
/// few hundred characters it may be in; one that cannot be found is pinned to where the walk is,
/// so it is still scanned. Positions are byte offsets of the decoded text.
final class MarkdownWalker: MarkdownHandler {
    /// The text cmark read: the document's UTF-8 with front matter and shortcode tags blanked.
    let view: [UInt8]
    private let map: MarkdownSourceMap
    private(set) var pieces: [MarkdownPiece] = []
    /// The source positions of each raw HTML node's characters (the byte each starts at).
    private(set) var htmlNodes: [[Int32]] = []

    /// Shortcode parameters, in file order, waiting for the block they stand in (or before).
    private var shortcodes: [TextSegment]
    private var nextShortcode = 0

    private var cursor = 0
    private var limit: Int
    /// The current block's text so far.
    private var run = MarkdownText()
    /// Attribute text and raw inline HTML of the current block, added after it.
    private var pending: [MarkdownPiece] = []
    /// Open links and images: their targets, and the text they hold.
    private var links: [(node: MarkdownNode, text: MarkdownText)] = []
    private var cellsInRow = 0
    /// The current table's column headers (its header row's cells), by column.
    private var headers: [String?] = []
    private var inHeaderRow = false
    /// For each open emphasis, whether its delimiters are kept as text (a mask, see ``enterEmphasis(_:)``).
    private var emphasisKept: [Bool] = []
    /// The last run of delimiters read (`start..<end` of the view): nested emphasis opens inside
    /// one run, which is read once, not once per level (`*` × 100,000 took 20 s).
    private var delimiterRun = 0..<0

    init(map: MarkdownSourceMap, shortcodes: [TextSegment]) {
        view = map.utf8
        self.shortcodes = shortcodes
        self.map = map
        limit = view.count
    }

    func enter(_ node: MarkdownNode) {
        switch node.kind {
        case .paragraph, .heading, .tableRow:
            startBlock(node)
        case .codeBlock:
            startBlock(node)
            add(lines: node.literalUTF8 ?? [], escapes: .none)
            endBlock()
        case .htmlBlock:
            startBlock(node)
            pieces.append(.html(alignHTML(node.literalUTF8 ?? [])))
            endBlock()
        case .thematicBreak:
            startBlock(node)
            endBlock()
        case .text:
            if !addVerbatim(node) { add(node.literalUTF8 ?? [], escapes: .markdown) }
        case .code:
            if !addVerbatim(node) { add(node.literalUTF8 ?? [], escapes: .none, lineBreaks: true) }
        case .softBreak, .lineBreak:
            addLineBreak()
        case .htmlInline:
            pending.append(.html(alignHTML(node.literalUTF8 ?? [])))
        case .link, .image:
            links.append((node, MarkdownText()))
        case .emphasis, .strong:
            enterEmphasis(node)
        case .table:
            headers = []
        case .tableHeaderRow:
            startBlock(node)
            inHeaderRow = true
        case .tableCell:
            if cellsInRow > 0 {
                endCell()
                addCellSeparator()
            }
            cellsInRow += 1
        default:
            break
        }
    }

    func exit(_ node: MarkdownNode) {
        switch node.kind {
        case .tableHeaderRow, .tableRow:
            endCell(endsBlock: true)
            endBlock()
            cellsInRow = 0
            if inHeaderRow, headers.contains(where: { $0?.firstMatch(\.tableDataRow) != nil }) {
                // A first row of data under the header line gives no column names.
                headers = []
            }
            inHeaderRow = false
        case .paragraph, .heading:
            endBlock()
        case .link, .image:
            closeLink()
        case .emphasis, .strong:
            if emphasisKept.popLast() == true { addDelimiters(node.kind == .strong ? 2 : 1, from: cursor) }
        case .document:
            flushShortcodes(before: view.count, into: &pieces)
        default:
            break
        }
    }

    // MARK: Blocks

    private func startBlock(_ node: MarkdownNode) {
        let start = map.index(line: node.start.line, column: node.start.column) ?? cursor
        flushShortcodes(before: start, into: &pieces)
        cursor = max(cursor, min(start, view.count))
        limit = node.end.line >= node.start.line && node.end.line > 0 ? map.lineEnd(node.end.line) : view.count
        limit = max(limit, cursor)
    }

    private func endBlock() {
        if run.hasContent {
            pieces.append(.segment(run.segment(part: .body)))
        } else if case .segment(var last)? = pieces.last, !last.endsBlock {
            last.endsBlock = true
            pieces[pieces.count - 1] = .segment(last)
        }
        run.removeAll()
        pieces += pending
        pending.removeAll()
        flushShortcodes(before: limit == view.count ? cursor : limit, into: &pieces)
    }

    private func flushShortcodes(before position: Int, into out: inout [MarkdownPiece]) {
        while nextShortcode < shortcodes.count, Int(shortcodes[nextShortcode].firstOrigin ?? 0) < position {
            out.append(.segment(shortcodes[nextShortcode]))
            nextShortcode += 1
        }
    }

    // MARK: Inline text

    /// How far past the cursor a literal written as it is may start (markup between two texts:
    /// `**`, `](`, list markers, a table's pipes).
    static let verbatimWindow = 256

    /// Adds a literal that the source holds byte for byte near the cursor (most text: no escape,
    /// no reference, one line), found by comparing UTF-8 and taken from the source itself with
    /// consecutive origins; false when it is not there, for the aligner to find.
    private func addVerbatim(_ node: MarkdownNode) -> Bool {
        guard let literal = node.literalUTF8, !literal.isEmpty else { return true }
        guard limit - cursor >= literal.count else { return false }
        // The first place it starts at most `verbatimWindow` bytes on (memchr and memcmp).
        let last = min(limit - literal.count, cursor + Self.verbatimWindow)
        guard let p = LiteralSearch.firstIndex(of: literal, in: view, from: cursor, endingBy: last + literal.count) else { return false }
        append(view[p..<(p + literal.count)], from: Int32(p))
        cursor = p + literal.count
        return true
    }

    /// How many characters past a literal's length it is looked for: to the block's end, but not
    /// much past the cursor, so a block of many literals that cannot be found costs no more than
    /// one that can.
    static let searchWindow = 512

    /// Where `literal` (UTF-8) is, looked for from the cursor to `slack` characters past its length
    /// (and the block's end): the byte each of its characters came from, and where it ends. Text
    /// the source must hold as it is (no escapes, one line) is found by its bytes; anything else
    /// by the aligner over the characters of that stretch.
    private func find(
        _ literal: [UInt8], escapes: LiteralAligner.Escapes, lineBreaks: Bool = false, slack: Int = searchWindow
    ) -> (origins: [Int32], end: Int)? {
        let scalars = UTF8Bytes.scalars(ofUTF8: literal.span)
        // The window's end: `scalars.count + slack` characters on.
        var end = cursor
        var n = scalars.count + slack
        while end < limit, n > 0 {
            end += 1
            while end < limit, view[end] & 0xC0 == 0x80 { end += 1 }
            n -= 1
        }
        if escapes == .none, !lineBreaks, !literal.contains(0x0A), !literal.contains(0x0D) {
            guard end - cursor >= literal.count,
                let p = LiteralSearch.firstIndex(of: literal, in: view, from: cursor, endingBy: end)
            else { return nil }
            return (Self.characterStarts(of: literal, at: p), p + literal.count)
        }
        // The character before the cursor too: whether the cursor starts a line.
        var start = cursor
        if start > 0 {
            start -= 1
            while start > 0, view[start] & 0xC0 == 0x80 { start -= 1 }
        }
        let stretch = view[start..<end]
        let source = UTF8Bytes.scalars(ofUTF8: stretch.span)
        var offsets: [Int] = []
        offsets.reserveCapacity(source.count + 1)
        var o = start
        for s in source {
            offsets.append(o)
            o += UTF8.width(s)
        }
        offsets.append(o)
        let aligner = LiteralAligner(source: source)
        guard
            let found = aligner.search(
                scalars[...], from: start < cursor ? 1 : 0, limit: source.count, escapes: escapes, lineBreaks: lineBreaks)
        else { return nil }
        return (found.origins.map { Int32(offsets[Int($0)]) }, offsets[found.end])
    }

    /// The byte of each character of `literal` found at `p`.
    private static func characterStarts(of literal: [UInt8], at p: Int) -> [Int32] {
        var starts: [Int32] = []
        for (i, b) in literal.enumerated() where b & 0xC0 != 0x80 { starts.append(Int32(p + i)) }
        return starts
    }

    /// Where a literal that cannot be found is pinned: the cursor, or the last character.
    private func pinned(_ at: Int) -> Int32 {
        guard at >= view.count else { return Int32(at) }
        var p = max(0, view.count - 1)
        while p > 0, view[p] & 0xC0 == 0x80 { p -= 1 }
        return Int32(p)
    }

    /// Adds a literal found from the cursor on: to the open image's description, else to the block.
    private func add(_ literal: [UInt8], escapes: LiteralAligner.Escapes, lineBreaks: Bool = false) {
        guard !literal.isEmpty else { return }
        if let found = find(literal, escapes: escapes, lineBreaks: lineBreaks) {
            append(literal, origins: found.origins)
            cursor = found.end
        } else {
            append(literal, origins: Array(repeating: pinned(cursor), count: UTF8Bytes.scalars(ofUTF8: literal.span).count))
        }
    }

    /// A multi-line literal (a code block), line by line; its line breaks point at the source's.
    private func add(lines literal: [UInt8], escapes: LiteralAligner.Escapes) {
        var start = 0
        while start < literal.count {
            let end = literal[start...].firstIndex(of: 0x0A) ?? literal.count
            if end > start {
                add(Array(literal[start..<end]), escapes: escapes)
            }
            if end < literal.count { addLineBreak() }
            start = end + 1
        }
    }

    private func addLineBreak() {
        var p = cursor
        while p < limit, view[p] != 0x0A, view[p] != 0x0D { p += 1 }
        guard p < view.count else {
            append([0x0A], from: pinned(view.count))
            return
        }
        append([0x0A], from: Int32(p))
        cursor = p + ((view[p] == 0x0D && p + 1 < view.count && view[p + 1] == 0x0A) ? 2 : 1)
    }

    /// Ends a table cell: its text is a segment of its own, carrying its column's header (the
    /// header row's cell above it), so a number is read by its column as in an HTML table; a
    /// header cell names its column. The row stays one line.
    private func endCell(endsBlock: Bool = false) {
        let column = cellsInRow - 1
        if inHeaderRow {
            let text = String(decoding: run.utf8, as: UTF8.self).trimmingWhiteSpace
            headers.append(!text.isEmpty && text.hasCount(atMost: 20) ? text : nil)
        }
        defer { run.removeAll() }
        guard run.hasContent else { return }
        var cell = run.segment(part: .body, endsBlock: endsBlock)
        if !inHeaderRow, column >= 0, column < headers.count { cell.column = headers[column] }
        pieces.append(.segment(cell))
    }

    /// ` | ` between two cells, at the source's `|` when it is found on the row.
    private func addCellSeparator() {
        var p = cursor
        while p < limit, view[p] != 0x7C { p += 1 }
        let at = p < limit ? Int32(p) : pinned(cursor)
        if p < limit { cursor = p + 1 }
        var separator = MarkdownText()
        separator.append([0x20, 0x7C, 0x20], origins: [at, at, at])
        pieces.append(.segment(separator.segment(part: .body, endsBlock: false)))
    }

    private func append(_ bytes: some Collection<UInt8>, from origin: Int32) {
        if !links.isEmpty {
            links[links.count - 1].text.append(bytes, from: origin)
            // An image's description is not in the flow: it is attribute text (`alt`).
            if links.contains(where: { $0.node.kind == .image }) { return }
        }
        run.append(bytes, from: origin)
    }

    private func append(_ literal: [UInt8], origins: [Int32]) {
        if !links.isEmpty {
            links[links.count - 1].text.append(literal, origins: origins)
            if links.contains(where: { $0.node.kind == .image }) { return }
        }
        run.append(literal, origins: origins)
    }

    // MARK: Emphasis

    /// Emphasis adds no characters, except around a number: `****0219960317****` is a masked
    /// identity number that a renderer happens to read as bold (and shows without its stars). The
    /// stars say which digits were hidden, which is what aggregation needs to tell whether two lists
    /// together give the whole number, so they are kept as written.
    private func enterEmphasis(_ node: MarkdownNode) {
        // Nested emphasis (`****`) all start where the outermost does: the walk is past the outer ones.
        let start = max(cursor, map.index(line: node.start.line, column: node.start.column) ?? cursor)
        var p = delimiterRun.contains(start) ? delimiterRun.upperBound : start
        while p < limit, view[p] == 0x2A || view[p] == 0x5F { p += 1 }
        delimiterRun = start..<p
        var before = start
        if before > 0 {
            before -= 1
            while before > 0, view[before] & 0xC0 == 0x80 { before -= 1 }
        }
        let beforeDigit = start > 0 && isNumeric(at: before)
        let kept = (p < limit && isNumeric(at: p)) || beforeDigit
        emphasisKept.append(kept)
        if kept { addDelimiters(node.kind == .strong ? 2 : 1, from: start) }
    }

    /// Whether the character at byte `p` of the view has a numeric type (a digit, `〇`, `½`).
    private func isNumeric(at p: Int) -> Bool {
        Unicode.Scalar(UTF8Bytes.scalar(at: p, in: view).value)?.properties.numericType != nil
    }

    /// The next `count` delimiter characters (`*` or `_`) from `from` on, as text.
    private func addDelimiters(_ count: Int, from: Int) {
        var p = from
        while p < limit, view[p] != 0x2A, view[p] != 0x5F { p += 1 }
        guard p + count <= limit else { return }
        append(view[p..<(p + count)], from: Int32(p))
        cursor = p + count
    }

    // MARK: Links, images, raw HTML

    /// Ends a link or image: its target and title (and an image's description) are attribute text.
    /// An autolink's target is its text: it is not added twice.
    private func closeLink() {
        guard let (node, text) = links.popLast() else { return }
        if node.kind == .image {
            if !links.contains(where: { $0.node.kind == .image }), text.hasContent {
                pending.append(.segment(text.segment(part: .attribute)))
            }
        }
        let shown = String(decoding: text.utf8, as: UTF8.self)
        for target in [node.url, node.title] {
            guard let target, !target.isEmpty else { continue }
            if target == shown || target == "mailto:" + shown || target == "http://" + shown { continue }
            let bytes = Array(target.utf8)
            var attribute = MarkdownText()
            attribute.append(bytes, origins: targetOrigins(bytes, node: node))
            pending.append(.segment(attribute.segment(part: .attribute)))
        }
    }

    /// Where a link target is: right after the link's text for an inline link (the cursor moves past
    /// it), else in its reference definition anywhere in the page, else the link's own position.
    private func targetOrigins(_ target: [UInt8], node: MarkdownNode) -> [Int32] {
        if let found = find(target, escapes: .markdown, slack: 32) {
            cursor = found.end
            return found.origins
        }
        // Written as it is in a definition: found by its bytes, in one memchr pass.
        if let p = LiteralSearch.firstIndex(of: target, in: view) {
            return Self.characterStarts(of: target, at: p)
        }
        let at = map.index(line: node.start.line, column: node.start.column) ?? cursor
        return Array(repeating: pinned(at), count: UTF8Bytes.scalars(ofUTF8: target.span).count)
    }

    /// Finds a raw HTML node's characters in the source and records them; returns its number.
    private func alignHTML(_ literal: [UInt8]) -> Int {
        var positions: [Int32] = []
        var start = 0
        while start < literal.count {
            let end = literal[start...].firstIndex(of: 0x0A) ?? literal.count
            if end > start, let found = find(Array(literal[start..<end]), escapes: .none) {
                positions += found.origins
                cursor = found.end
            }
            start = end + 1
        }
        htmlNodes.append(positions)
        return htmlNodes.count - 1
    }
}
