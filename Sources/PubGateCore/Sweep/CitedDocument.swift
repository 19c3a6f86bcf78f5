/// A document another page names: by 《title》, by 文号, or both (`《…》（本公发〔2021〕6号）`).
///
/// Matching prefers the 文号: a repeal that gives one names exactly that document, even when the
/// new document carries the same title as the one it replaces.
public struct CitedDocument: Sendable, Hashable, Codable {
    /// Comparable title (no spaces, no 《》), when cited by title.
    public let title: String?
    /// Canonical 文号, when given.
    public let number: String?

    /// Every document cited in `text` (normalized): 《title》 with an optional parenthesised 文号
    /// right after it, and 文号 that stand alone.
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
        for n in DocumentNumber.all(in: text) where !attached.contains(n.canonical) {
            found.append(CitedDocument(title: nil, number: n.canonical))
        }
        return found
    }
}
