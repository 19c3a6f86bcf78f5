import XMLKit

/// Walks ODF text (`text:p`, `text:h`, lists, tables, frames), one paragraph at a time, marking
/// footnotes, text boxes, annotations, tracked deletions, hidden spans and link targets by their part.
struct OpenDocumentTextWalker {
    let file: String
    let hiddenStyles: Set<String>
    private var paragraphs = 0
    private var pieces: [(text: String, part: ContentPart)?] = []

    init(file: String, hiddenStyles: Set<String>) {
        self.file = file
        self.hiddenStyles = hiddenStyles
    }

    /// Elements that hold no text a reader sees (change metadata, annotation author and date,
    /// field declarations), or only a duplicate of it (a footnote's citation number).
    static let skipped: Set<String> = [
        "change-info", "creator", "date", "note-citation", "sequence-decls", "variable-decls", "user-field-decls",
        "forms", "change", "change-start", "change-end", "bookmark", "bookmark-start", "bookmark-end", "soft-page-break",
    ]

    mutating func visit(_ node: MarkupNode, part: ContentPart, into text: inout ExtractedText) {
        switch node {
        case .text(let s, _, _):
            pieces.append((s, part))
        case .comment:
            return
        case .element(let name, _, let children, _):
            if Self.skipped.contains(name) { return }
            var part = part
            switch name {
            case "p", "h":
                paragraph(node, part: part, into: &text)
                return
            case "s":
                pieces.append((String(repeating: " ", count: node.attribute("c").flatMap(Int.init) ?? 1), part))
                return
            case "tab":
                pieces.append(("\t", part))
                return
            case "line-break":
                pieces.append(nil)
                return
            case "hidden-text", "hidden-paragraph":
                if let value = node.attribute("string-value") { pieces.append((value, .hiddenText)) }
                return
            case "a":
                // The link target is served with the file, as an HTML `href` is.
                if let href = node.attribute("href") { pieces.append((" \(href) ", .attribute)) }
            case "span":
                if let style = node.attribute("style-name"), hiddenStyles.contains(style), part == .body { part = .hiddenText }
            case "note-body":
                part = part == .body ? .footnote : part
            case "annotation":
                part = .comment
            case "deletion":
                part = .deletedRevision
            case "text-box":
                part = part == .body ? .textBox : part
            default:
                break
            }
            for child in children { visit(child, part: part, into: &text) }
        }
    }

    private mutating func paragraph(_ node: MarkupNode, part: ContentPart, into text: inout ExtractedText) {
        let outer = pieces
        pieces = []
        paragraphs += 1
        let place = "\(file) ¶\(paragraphs)"
        var part = part
        if let style = node.attribute("style-name"), hiddenStyles.contains(style), part == .body { part = .hiddenText }
        for child in node.children { visit(child, part: part, into: &text) }
        var pending = ""
        var pendingPart = part
        for piece in pieces {
            guard let (s, p) = piece else {
                text.append(pending, part: pendingPart, place: place, endsBlock: true)
                pending = ""
                continue
            }
            if p != pendingPart, !pending.isEmpty {
                text.append(pending, part: pendingPart, place: place, endsBlock: false)
                pending = ""
            }
            pendingPart = p
            pending += s
        }
        text.append(pending, part: pendingPart, place: place, endsBlock: true)
        pieces = outer
    }
}
