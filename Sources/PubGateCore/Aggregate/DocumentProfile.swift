/// What the aggregate stage keeps of a document once its scan is done: the facts that link it to
/// other documents, never its text.
///
/// Built for every document of the batch and of the published site (`--published`); the 三同步
/// check matches a policy with its 解读 through them, by 文号 or by title.
public struct DocumentProfile: Sendable, Hashable {
    public let path: String
    public let docType: DocumentType
    /// Title without spaces, Markdown marks and 《》.
    public let title: String?
    /// Canonical 文号.
    public let documentNumber: String?
    public let declared: DisclosureAttribute?
    /// Canonical 文号 cited in the body or named by an `interprets` field.
    public let citedNumbers: Set<String>
    /// Titles cited in 《》 (and the `interprets` field when it is a title), compared like `title`.
    public let citedTitles: Set<String>

    public init(_ document: ClassifiedDocument) {
        path = document.ingested.path
        docType = document.docType
        title = document.title.map { Self.comparable(Normalizer.normalized($0)) }
        documentNumber = document.documentNumber?.canonical
        declared = document.declaredAttribute
        var numbers: Set<String> = []
        var titles: Set<String> = []
        var sources = document.lines.filter { $0.part == .body || $0.part == .title }.map(\.text)
        if let interprets = document.metadata.interprets { sources.append(Normalizer.normalized(interprets)) }
        if let title = document.title { sources.append(Normalizer.normalized(title)) }
        for text in sources {
            for n in DocumentNumber.all(in: text) where n.canonical != documentNumber { numbers.insert(n.canonical) }
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "《"), let close = rest[open...].firstIndex(of: "》") {
                let cited = Self.comparable(String(rest[rest.index(after: open)..<close]))
                if cited.count >= 4, cited != title { titles.insert(cited) }
                rest = rest[rest.index(after: close)...]
            }
        }
        if let interprets = document.metadata.interprets.map(Normalizer.normalized), DocumentNumber.first(in: interprets) == nil {
            titles.insert(Self.comparable(interprets))
        }
        citedNumbers = numbers
        citedTitles = titles
    }

    /// True when this document cites `other` by 文号 or by title.
    public func cites(_ other: DocumentProfile) -> Bool {
        if let n = other.documentNumber, citedNumbers.contains(n) { return true }
        if let t = other.title, citedTitles.contains(t) { return true }
        return false
    }

    static func comparable(_ s: String) -> String {
        String(s.filter { !$0.isWhitespace && $0 != "#" && $0 != "《" && $0 != "》" })
    }
}
