import XMLKit

/// How the run being read is marked: inside a deletion, an insertion, a text box, or hidden.
struct WordRun {
    var deleted = false
    var inserted = false
    var textBox = false
    var hidden = false

    func part(base: ContentPart) -> ContentPart {
        if deleted { return .deletedRevision }
        if hidden { return .hiddenText }
        if inserted { return .insertedRevision }
        if textBox { return .textBox }
        return base
    }
}

/// Walks one WordprocessingML part, one paragraph at a time (text boxes are paragraphs inside a
/// paragraph: they are read whole before the rest of their host).
struct WordWalker {
    let file: String
    let base: ContentPart
    let hiddenStyles: Set<String>
    private var paragraphs = 0
    private var pieces: [Piece] = []

    enum Piece {
        case text(String, ContentPart)
        case lineBreak
    }

    init(file: String, base: ContentPart, hiddenStyles: Set<String>) {
        self.file = file
        self.base = base
        self.hiddenStyles = hiddenStyles
    }

    /// Elements whose content is formatting or a duplicate, never text.
    static let skipped: Set<String> = [
        "rPr", "pPr", "sectPr", "tblPr", "trPr", "tcPr", "tblGrid", "instrText", "delInstrText", "Fallback",
        "commentReference", "footnoteReference", "endnoteReference", "fldData",
    ]

    mutating func visit(_ node: MarkupNode, _ run: WordRun, into text: inout ExtractedText) {
        guard case .element(let name, _, let children, _) = node else { return }
        if Self.skipped.contains(name) { return }
        var run = run
        switch name {
        case "p":
            paragraph(node, run, into: &text)
            return
        case "r":
            if let rPr = node.child("rPr") {
                if Self.isVanish(rPr) { run.hidden = true }
                if let style = rPr.child("rStyle")?.attribute("val"), hiddenStyles.contains(style) { run.hidden = true }
            }
        case "t":
            pieces.append(.text(node.textContent, run.part(base: base)))
            return
        case "delText":
            var deleted = run
            deleted.deleted = true
            pieces.append(.text(node.textContent, deleted.part(base: base)))
            return
        case "tab", "ptab":
            pieces.append(.text("\t", run.part(base: base)))
            return
        case "br", "cr":
            pieces.append(.lineBreak)
            return
        case "noBreakHyphen":
            pieces.append(.text("-", run.part(base: base)))
            return
        case "del", "moveFrom":
            run.deleted = true
        case "ins", "moveTo":
            run.inserted = true
        case "txbxContent", "txBody":
            run.textBox = true
        case "footnote", "endnote":
            // Separator "notes" hold only the rule drawn above the notes.
            if let type = node.attribute("type"), type != "normal" { return }
        default:
            break
        }
        for child in children { visit(child, run, into: &text) }
    }

    private mutating func paragraph(_ node: MarkupNode, _ run: WordRun, into text: inout ExtractedText) {
        let outer = pieces
        pieces = []
        paragraphs += 1
        let number = paragraphs
        var run = run
        if let style = node.child("pPr")?.child("pStyle")?.attribute("val"), hiddenStyles.contains(style) { run.hidden = true }
        for child in node.children { visit(child, run, into: &text) }
        let place = "\(file) ¶\(number)"
        var pending = ""
        var pendingPart = base
        func flush(endsBlock: Bool) {
            text.append(pending, part: pendingPart, place: place, endsBlock: endsBlock)
            pending = ""
        }
        for piece in pieces {
            switch piece {
            case .text(let s, let part):
                if part != pendingPart, !pending.isEmpty { flush(endsBlock: false) }
                pendingPart = part
                pending += s
            case .lineBreak:
                flush(endsBlock: true)
            }
        }
        flush(endsBlock: true)
        pieces = outer
    }

    /// True when run properties hide the text (`<w:vanish/>`, not switched off by `w:val="0"`).
    static func isVanish(_ rPr: MarkupNode) -> Bool {
        guard let vanish = rPr.child("vanish") else { return false }
        let value = vanish.attribute("val")?.lowercased()
        return value != "0" && value != "false" && value != "off"
    }
}
