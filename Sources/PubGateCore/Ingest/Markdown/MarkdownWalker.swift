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
/// resolved: each literal is found in the source from a cursor that walks the block
/// (``LiteralAligner``); one that cannot be found is pinned to where the walk is, so it is still
/// scanned.
final class MarkdownWalker: MarkdownHandler {
    /// The text cmark read: the file's characters with front matter and shortcode tags blanked.
    let view: [Unicode.Scalar]
    private let map: MarkdownSourceMap
    private let aligner: LiteralAligner
    private(set) var pieces: [MarkdownPiece] = []
    /// The source positions of each raw HTML node's characters.
    private(set) var htmlNodes: [[Int32]] = []

    /// Shortcode parameters, in file order, waiting for the block they stand in (or before).
    private var shortcodes: [TextSegment]
    private var nextShortcode = 0

    private var cursor = 0
    private var limit: Int
    /// The current block's text so far.
    private var run: [Unicode.Scalar] = []
    private var runOrigins: [Int32] = []
    /// Attribute text and raw inline HTML of the current block, added after it.
    private var pending: [MarkdownPiece] = []
    /// Open links and images: their targets, and the text they hold.
    private var links: [(node: MarkdownNode, text: [Unicode.Scalar], origins: [Int32])] = []
    private var cellsInRow = 0
    /// The current table's column headers (its header row's cells), by column.
    private var headers: [String?] = []
    private var inHeaderRow = false
    /// For each open emphasis, whether its delimiters are kept as text (a mask, see ``enterEmphasis(_:)``).
    private var emphasisKept: [Bool] = []
    /// The last run of delimiters read (`start..<end` of the view): nested emphasis opens inside
    /// one run, which is read once, not once per level (`*` × 100,000 took 20 s).
    private var delimiterRun = 0..<0

    init(view: [Unicode.Scalar], map: MarkdownSourceMap, shortcodes: [TextSegment]) {
        self.view = view
        self.shortcodes = shortcodes
        self.map = map
        aligner = LiteralAligner(source: view)
        limit = view.count
    }

    func enter(_ node: MarkdownNode) {
        switch node.kind {
        case .paragraph, .heading, .tableRow:
            startBlock(node)
        case .codeBlock:
            startBlock(node)
            add(lines: Self.scalars(node), escapes: .none)
            endBlock()
        case .htmlBlock:
            startBlock(node)
            pieces.append(.html(alignHTML(Self.scalars(node))))
            endBlock()
        case .thematicBreak:
            startBlock(node)
            endBlock()
        case .text:
            if !addVerbatim(node) { add(Self.scalars(node), escapes: .markdown) }
        case .code:
            if !addVerbatim(node) { add(Self.scalars(node), escapes: .none, lineBreaks: true) }
        case .softBreak, .lineBreak:
            addLineBreak()
        case .htmlInline:
            pending.append(.html(alignHTML(Self.scalars(node))))
        case .link, .image:
            links.append((node, [], []))
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
        if run.contains(where: { !$0.isWhiteSpace }) {
            pieces.append(.segment(TextSegment(part: .body, scalars: run, scalarOrigins: runOrigins, endsBlock: true)))
        } else if case .segment(var last)? = pieces.last, !last.endsBlock {
            last.endsBlock = true
            pieces[pieces.count - 1] = .segment(last)
        }
        run.removeAll(keepingCapacity: true)
        runOrigins.removeAll(keepingCapacity: true)
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
        let utf8 = map.utf8
        let from = map.byteOffset(ofScalar: cursor)
        let end = map.byteOffset(ofScalar: limit)
        guard end - from >= literal.count else { return false }
        // The first place it starts at most `verbatimWindow` bytes on (memchr and memcmp).
        let last = min(end - literal.count, from + Self.verbatimWindow)
        guard let p = LiteralSearch.firstIndex(of: literal, in: utf8, from: from, endingBy: last + literal.count) else { return false }
        let start = map.scalar(atByte: p)
        let stop = map.scalar(atByte: p + literal.count)
        append(Array(view[start..<stop]), (start..<stop).map { Int32($0) })
        cursor = stop
        return true
    }

    /// How far a literal is looked for: to the block's end, but not much past the cursor, so a
    /// block of many literals that cannot be found costs no more than one that can.
    private func window(_ length: Int) -> Int {
        min(limit, cursor + length + Self.searchWindow)
    }

    static let searchWindow = 512

    /// A leaf's literal, decoded straight from cmark's UTF-8.
    private static func scalars(_ node: MarkdownNode) -> [Unicode.Scalar] {
        node.literalUTF8.map { UTF8Bytes.scalars(ofUTF8: $0.span) } ?? []
    }

    /// Adds a literal found from the cursor on: to the open image's description, else to the block.
    private func add(_ scalars: [Unicode.Scalar], escapes: LiteralAligner.Escapes, lineBreaks: Bool = false) {
        guard !scalars.isEmpty else { return }
        let origins: [Int32]
        if let found = aligner.search(scalars[...], from: cursor, limit: window(scalars.count), escapes: escapes, lineBreaks: lineBreaks) {
            origins = found.origins
            cursor = found.end
        } else {
            origins = Array(repeating: Int32(min(cursor, max(0, view.count - 1))), count: scalars.count)
        }
        append(scalars, origins)
    }

    /// A multi-line literal (a code block), line by line; its line breaks point at the source's.
    private func add(lines scalars: [Unicode.Scalar], escapes: LiteralAligner.Escapes) {
        var start = 0
        while start < scalars.count {
            let end = scalars[start...].firstIndex(of: "\n") ?? scalars.count
            if end > start {
                let line = scalars[start..<end]
                if let found = aligner.search(line, from: cursor, limit: window(line.count), escapes: escapes) {
                    append(Array(line), found.origins)
                    cursor = found.end
                } else {
                    append(Array(line), Array(repeating: Int32(min(cursor, max(0, view.count - 1))), count: line.count))
                }
            }
            if end < scalars.count { addLineBreak() }
            start = end + 1
        }
    }

    private func addLineBreak() {
        var p = cursor
        while p < limit, view[p] != "\n", view[p] != "\r" { p += 1 }
        guard p < view.count else {
            append(["\n"], [Int32(max(0, view.count - 1))])
            return
        }
        append(["\n"], [Int32(p)])
        cursor = p + ((view[p] == "\r" && p + 1 < view.count && view[p + 1] == "\n") ? 2 : 1)
    }

    /// Ends a table cell: its text is a segment of its own, carrying its column's header (the
    /// header row's cell above it), so a number is read by its column as in an HTML table; a
    /// header cell names its column. The row stays one line.
    private func endCell(endsBlock: Bool = false) {
        let column = cellsInRow - 1
        if inHeaderRow {
            let text = UTF8Bytes.string(run).trimmingWhiteSpace
            headers.append(!text.isEmpty && text.hasCount(atMost: 20) ? text : nil)
        }
        defer {
            run.removeAll(keepingCapacity: true)
            runOrigins.removeAll(keepingCapacity: true)
        }
        guard run.contains(where: { !$0.isWhiteSpace }) else { return }
        var cell = TextSegment(part: .body, scalars: run, scalarOrigins: runOrigins, endsBlock: endsBlock)
        if !inHeaderRow, column >= 0, column < headers.count { cell.column = headers[column] }
        pieces.append(.segment(cell))
    }

    /// ` | ` between two cells, at the source's `|` when it is found on the row.
    private func addCellSeparator() {
        var p = cursor
        while p < limit, view[p] != "|" { p += 1 }
        let at = Int32(p < limit ? p : min(cursor, max(0, view.count - 1)))
        if p < limit { cursor = p + 1 }
        pieces.append(.segment(TextSegment(part: .body, scalars: [" ", "|", " "], scalarOrigins: [at, at, at], endsBlock: false)))
    }

    private func append(_ scalars: [Unicode.Scalar], _ origins: [Int32]) {
        if !links.isEmpty {
            links[links.count - 1].text += scalars
            links[links.count - 1].origins += origins
            // An image's description is not in the flow: it is attribute text (`alt`).
            if links.contains(where: { $0.node.kind == .image }) { return }
        }
        run += scalars
        runOrigins += origins
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
        while p < limit, view[p] == "*" || view[p] == "_" { p += 1 }
        delimiterRun = start..<p
        let beforeDigit = start > 0 && view[start - 1].properties.numericType != nil
        let kept = (p < limit && view[p].properties.numericType != nil) || beforeDigit
        emphasisKept.append(kept)
        if kept { addDelimiters(node.kind == .strong ? 2 : 1, from: start) }
    }

    /// The next `count` delimiter characters (`*` or `_`) from `from` on, as text.
    private func addDelimiters(_ count: Int, from: Int) {
        var p = from
        while p < limit, view[p] != "*", view[p] != "_" { p += 1 }
        guard p + count <= limit else { return }
        append(Array(view[p..<(p + count)]), (p..<(p + count)).map { Int32($0) })
        cursor = p + count
    }

    // MARK: Links, images, raw HTML

    /// Ends a link or image: its target and title (and an image's description) are attribute text.
    /// An autolink's target is its text: it is not added twice.
    private func closeLink() {
        guard let (node, text, origins) = links.popLast() else { return }
        if node.kind == .image {
            if !links.contains(where: { $0.node.kind == .image }), text.contains(where: { !$0.isWhiteSpace }) {
                pending.append(.segment(TextSegment(part: .attribute, scalars: text, scalarOrigins: origins)))
            }
        }
        let shown = UTF8Bytes.string(text)
        for target in [node.url, node.title] {
            guard let target, !target.isEmpty else { continue }
            if target == shown || target == "mailto:" + shown || target == "http://" + shown { continue }
            let scalars = Array(target.unicodeScalars)
            pending.append(.segment(TextSegment(part: .attribute, scalars: scalars, scalarOrigins: targetOrigins(scalars, node: node))))
        }
    }

    /// Where a link target is: right after the link's text for an inline link (the cursor moves past
    /// it), else in its reference definition anywhere in the page, else the link's own position.
    private func targetOrigins(_ target: [Unicode.Scalar], node: MarkdownNode) -> [Int32] {
        if let found = aligner.search(target[...], from: cursor, limit: min(limit, cursor + 32 + target.count), escapes: .markdown) {
            cursor = found.end
            return found.origins
        }
        // Written as it is in a definition: found by its bytes, in one memchr pass.
        if let p = LiteralSearch.firstIndex(of: Array(UTF8Bytes.string(target).utf8), in: map.utf8) {
            let start = map.scalar(atByte: p)
            if start + target.count <= view.count, view[start..<(start + target.count)].elementsEqual(target) {
                return (start..<(start + target.count)).map { Int32($0) }
            }
        }
        let at = map.index(line: node.start.line, column: node.start.column) ?? cursor
        return Array(repeating: Int32(min(at, max(0, view.count - 1))), count: target.count)
    }

    /// Finds a raw HTML node's characters in the source and records them; returns its number.
    private func alignHTML(_ scalars: [Unicode.Scalar]) -> Int {
        var positions: [Int32] = []
        var start = 0
        while start < scalars.count {
            let end = scalars[start...].firstIndex(of: "\n") ?? scalars.count
            if end > start, let found = aligner.search(scalars[start..<end], from: cursor, limit: window(end - start), escapes: .none) {
                positions += found.origins
                cursor = found.end
            }
            start = end + 1
        }
        htmlNodes.append(positions)
        return htmlNodes.count - 1
    }
}
