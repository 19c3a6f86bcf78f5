/// A document another page names: by 《title》, by 文号, or both (`《…》（本公发〔2021〕6号）`).
///
/// Matching prefers the 文号: a repeal that gives one names exactly that document, even when the
/// new document carries the same title as the one it replaces.
struct CitedDocument: Sendable, Hashable, Codable {
    /// Comparable title (no spaces, no 《》), when cited by title.
    let title: String?
    /// Canonical 文号, when given.
    let number: String?

    init(title: String?, number: String?) {
        self.title = title
        self.number = number
    }

    /// Every document cited in `text` (normalized): 《title》 with an optional parenthesised 文号
    /// right after it, and 文号 that stand alone. A line that names exactly one title and one
    /// separate 文号 names one document: the row of a clean-up table (`| 《…》 | 本公发〔2017〕3号 |`).
    static func all(in text: String) -> [CitedDocument] {
        var found: [CitedDocument] = []
        var attached: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "《"), let close = rest[open...].firstIndex(of: "》") {
            let title = TitleKey.of(String(rest[rest.index(after: open)..<close]))
            var after = rest[rest.index(after: close)...]
            var number: String?
            let trimmed = after.drop { $0 == " " }
            if trimmed.first == "(", let end = trimmed.firstIndex(of: ")") {
                if let n = DocumentNumber.first(in: String(trimmed[trimmed.startIndex...end])) {
                    number = n.canonical
                    attached.insert(n.canonical)
                }
                after = trimmed[trimmed.index(after: end)...]
            }
            if title.count >= 4 || number != nil { found.append(CitedDocument(title: title.count >= 4 ? title : nil, number: number)) }
            rest = after
        }
        let loose = DocumentNumber.all(in: text).map(\.canonical).filter { !attached.contains($0) }
        if found.count == 1, found[0].number == nil, Set(loose).count == 1 {
            return [CitedDocument(title: found[0].title, number: loose[0])]
        }
        for n in loose { found.append(CitedDocument(title: nil, number: n)) }
        return found
    }

    /// How the plan shows it: the 文号, else the title in 《》.
    var label: String {
        number ?? title.map { "《\($0)》" } ?? "?"
    }
}
