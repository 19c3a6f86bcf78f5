/// The kinds of node cmark-gfm makes: CommonMark's, and the GitHub extensions' (tables,
/// strikethrough, task list items).
public enum MarkdownNodeKind: Sendable, Equatable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
    case footnoteDefinition
    case table
    /// A table's first row, whose cells are the column headers.
    case tableHeaderRow
    case tableRow, tableCell
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image, footnoteReference
    case strikethrough
    /// A node of an extension this wrapper does not name, with cmark's name for it.
    case other(String)

    /// Whether the node holds text of its own (`literal`) and no children: cmark reports it once.
    public var isLeaf: Bool {
        switch self {
        case .codeBlock, .htmlBlock, .thematicBreak, .text, .softBreak, .lineBreak, .code, .htmlInline, .footnoteReference:
            true
        default:
            false
        }
    }

    /// Whether the node is a block (a paragraph, heading, table row …) rather than an inline.
    public var isBlock: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak,
            .footnoteDefinition, .table, .tableHeaderRow, .tableRow, .tableCell:
            true
        default:
            false
        }
    }
}
