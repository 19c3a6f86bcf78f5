internal import CCMarkGFM
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses Markdown the way GitHub Flavored Markdown reads it (CommonMark plus tables,
/// strikethrough, extended autolinks, task lists and footnotes; the extensions Hugo's goldmark
/// turns on by default) with cmark-gfm, and reports it to a ``MarkdownHandler`` node by node.
///
/// Nodes are copied out while cmark's iterator walks its tree and the tree is freed before the call
/// returns ("copy out, then free"): no cmark pointer outlives the parse.
public enum MarkdownParser {
    /// The GitHub extensions attached to every parser; `tagfilter` only changes HTML rendering.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// cmark-gfm's extension registry is global and not thread-safe: it is filled once, by the first
    /// parse, under Swift's lazy-global lock.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm keeps the inline parser's special characters in one global table: feeding a parser
    /// adds its extensions' characters (`~` for strikethrough) and finishing it removes them, so a
    /// parse finishing on another thread took `~~…~~` away from one still running (a review's
    /// workers parse at the same time). Feeding and finishing, where the table is read, hold this
    /// lock; walking the finished tree does not.
    private static let inlineTable = Mutex(())

    /// Parses `utf8` (valid UTF-8) and calls `handler` for every node in document order. Without
    /// `tables`, pipe tables are read as paragraphs: cmark-gfm's table extension spends time
    /// quadratic in a row's cells, which a caller avoids for rows thousands of cells wide.
    public static func parse(_ utf8: [UInt8], into handler: some MarkdownHandler, tables: Bool = true) throws(MarkdownParseError) {
        _ = registered
        // cmark counts in 32-bit sizes.
        guard utf8.count < Int(Int32.max) else {
            throw MarkdownParseError(message: "the text is larger than cmark-gfm can address (\(utf8.count) bytes)")
        }
        guard let parser = unsafe cmark_parser_new(CMARK_OPT_FOOTNOTES) else {
            throw MarkdownParseError(message: "cannot allocate a cmark-gfm parser")
        }
        defer { unsafe cmark_parser_free(parser) }
        for name in extensionNames where tables || name != "table" {
            guard let ext = unsafe cmark_find_syntax_extension(name), unsafe cmark_parser_attach_syntax_extension(parser, ext) != 0 else {
                throw MarkdownParseError(message: "the cmark-gfm extension \(name) is not available")
            }
        }
        var finished: OpaquePointer? = nil
        inlineTable.withLock { _ in
            unsafe utf8.withUnsafeBufferPointer { buf in
                unsafe buf.withMemoryRebound(to: CChar.self) { chars in
                    unsafe cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            unsafe finished = cmark_parser_finish(parser)
        }
        guard let document = unsafe finished else {
            throw MarkdownParseError(message: "cmark-gfm returned no document")
        }
        defer { unsafe cmark_node_free(document) }
        guard let iterator = unsafe cmark_iter_new(document) else {
            throw MarkdownParseError(message: "cannot allocate a cmark-gfm iterator")
        }
        defer { unsafe cmark_iter_free(iterator) }
        while true {
            let event = unsafe cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = unsafe cmark_iter_get_node(iterator) else { continue }
            let copied = unsafe copy(node)
            if event == CMARK_EVENT_ENTER {
                handler.enter(copied)
            } else {
                handler.exit(copied)
            }
        }
    }

    private static func copy(_ node: OpaquePointer) -> MarkdownNode {
        let kind = unsafe kind(of: node)
        let start = unsafe MarkdownPosition(
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        let end = unsafe MarkdownPosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        switch kind {
        case .link, .image:
            return unsafe MarkdownNode(
                kind: kind, url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), start: start, end: end)
        case _ where kind.isLeaf:
            return unsafe MarkdownNode(kind: kind, literalUTF8: bytes(cmark_node_get_literal(node)), start: start, end: end)
        default:
            return MarkdownNode(kind: kind, start: start, end: end)
        }
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNodeKind {
        switch unsafe cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default:
            // The extensions' node types are numbered when they register: they are known by name.
            let name = unsafe string(cmark_node_get_type_string(node)) ?? ""
            switch name {
            case "table": return .table
            case "table_header": return .tableHeaderRow
            case "table_row": return .tableRow
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            // A task list item is a list item with a check box.
            case "tasklist": return .item
            default: return .other(name)
            }
        }
    }

    private static func bytes(_ pointer: UnsafePointer<CChar>?) -> [UInt8]? {
        guard let pointer = unsafe pointer else { return nil }
        let count = unsafe strlen(pointer)
        return unsafe pointer.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            unsafe Array(UnsafeBufferPointer(start: bytes, count: count))
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer = unsafe pointer else { return nil }
        return unsafe String(cString: pointer)
    }
}
