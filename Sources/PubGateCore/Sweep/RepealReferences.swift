/// What a page says about other documents' validity (domain-spec §7.1 E-02): the documents it
/// repeals or declares 失效, and the ones a clean-up decision keeps 继续有效 with a new 有效期至.
///
/// Read sentence by sentence (…同时废止, …予以废止, …停止执行), section by section in a
/// clean-up list (`二、宣布失效的规范性文件` followed by items), and item by item after a line that
/// introduces a list (`决定废止以下规范性文件：`, `附件2：废止的规范性文件目录`) until the first line
/// that is no item. A sentence about amendment (修改) or continued validity (继续有效) repeals nothing.
public struct RepealReferences: Sendable {
    public var repealed: [CitedDocument] = []
    /// Documents kept in force, and until when.
    public var renewed: [(document: CitedDocument, until: SimpleDate)] = []

    static let repealWords = ["废止", "失效", "停止执行", "不再执行"]

    public init() {}

    /// Reads the references from a page's body lines (normalized).
    public init(lines: [DocumentLine]) {
        enum Section { case none, repeal, renew }
        var section = Section.none
        // Set by a line introducing a list: the section ends at the first line that is no item.
        var itemsOnly = false
        for line in lines where line.part == .body {
            let t = line.text
            let isHeading = t.firstMatch(#"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))"#) != nil
            let introducesList = !isHeading && (t.hasSuffix(":") || t.firstMatch(#"(?:目录|清单|名录)$"#) != nil)
            if isHeading || (introducesList && (t.contains("继续有效") || Self.repealWords.contains(where: { t.contains($0) }))) {
                if t.contains("继续有效") {
                    section = .renew
                } else if Self.repealWords.contains(where: { t.contains($0) }) {
                    section = .repeal
                } else {
                    section = .none
                }
                itemsOnly = !isHeading
                continue
            }
            if itemsOnly, t.firstMatch(#"^(?:[0-9]+[.、)]|\([0-9]+\)|《)"#) == nil {
                section = .none
                itemsOnly = false
            }
            switch section {
            case .repeal:
                repealed += CitedDocument.all(in: t)
            case .renew:
                if let c = t.captures(#"有效期(?:至|到)([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"#),
                    let until = SimpleDate(year: c[1], month: c[2], day: c[3])
                {
                    for cited in CitedDocument.all(in: t) { renewed.append((cited, until)) }
                }
            case .none:
                for sentence in t.split(whereSeparator: { $0 == "。" || $0 == ";" || $0 == "；" }) {
                    let s = String(sentence)
                    guard Self.repealWords.contains(where: { s.contains($0) }), !s.contains("继续有效"), !s.contains("修改") else {
                        continue
                    }
                    repealed += CitedDocument.all(in: s)
                }
            }
        }
    }
}
