/// What a page says about other documents' validity (docs/domain.md §7.1 E-02): the documents it
/// repeals or declares 失效, keeps 继续有效 (with a new 有效期至, a restarted period, or neither),
/// amends, or replaces only in part — each in the words of the validity phrasings of
/// `Rules/expiry.yaml`.
///
/// Read section by section in a clean-up list (`二、宣布失效的规范性文件` followed by items), item by
/// item after a line that introduces a list (`决定废止以下规范性文件：`, `附件2：废止的规范性文件目录`,
/// a table of 序号 / 文件名称 / 文号) until the first line that is no item, and sentence by sentence
/// elsewhere. Words inside 《》 and brackets are not the page's own (`根据《关于废止…的决定》`), and a
/// document cited as the basis of a clause (`根据《…》（…号）`) is not acted on.
struct RepealReferences: Sendable {
    /// A document the page repeals, and the day the repeal takes effect when the page states one
    /// (`自2026年1月1日起废止`); otherwise it takes effect with the page.
    struct Repeal: Sendable, Hashable {
        let document: CitedDocument
        let from: SimpleDate?
    }

    /// A document a clean-up keeps in force: until a new day, with its period counted again from
    /// the clean-up (`restarts`), or confirmed without either.
    struct Renewal: Sendable, Hashable {
        let document: CitedDocument
        let until: SimpleDate?
        let restarts: Bool
    }

    var repealed: [Repeal] = []
    var renewed: [Renewal] = []
    /// Documents amended (修改后继续有效, 关于修改《…》的决定): relabelled 已修改.
    var amended: [CitedDocument] = []
    /// Documents replaced only where they conflict, or in single articles: a person decides.
    var partlyReplaced: [CitedDocument] = []

    init() {}

    private enum Section { case none, repeal, renew, amend }

    /// Reads the references from a page's title and body lines (normalized).
    init(lines: [DocumentLine], title: String?, phrasebook book: ValidityPhrasebook) {
        if let title { read(sentence: title, book) }
        var section = Section.none
        var sectionRestarts = false
        var sectionUntil: SimpleDate?
        // Set by a line introducing a list: the section ends at the first line that is no item.
        var itemsOnly = false
        for line in lines where line.part == .body {
            let t = line.text
            let isHeading = t.firstMatch(\.repealHeading) != nil
            let introducesList = !isHeading && (t.hasSuffix(":") || t.firstMatch(\.repealListLead) != nil)
            if isHeading || introducesList {
                let masked = Self.masked(t)
                // A chapter of a regulation (第四章 证件的失效) is no clean-up section: those name documents.
                let aboutDocuments = !isHeading || masked.firstMatch(\.repealAboutDocuments) != nil
                let kind = aboutDocuments ? Self.section(of: masked, book) : .none
                if isHeading || kind != .none {
                    section = kind
                    sectionRestarts = book.first(.restart, in: masked) != nil
                    sectionUntil = book.first(.renewedUntil, in: masked)?.date()
                    itemsOnly = !isHeading
                    continue
                }
            }
            if itemsOnly, !Self.isItem(t) {
                section = .none
                itemsOnly = false
            }
            let cited = { () -> [CitedDocument] in
                let found = CitedDocument.all(in: t)
                guard found.allSatisfy({ $0.title == nil }), found.count <= 1, let listed = Self.listedTitle(t) else { return found }
                return [CitedDocument(title: listed.title, number: found.first?.number)]
            }
            switch section {
            case .repeal:
                repealed += cited().map { Repeal(document: $0, from: nil) }
            case .amend:
                // 修改后继续有效: amended, and kept in force.
                let documents = cited()
                amended += documents
                renewed += documents.map { Renewal(document: $0, until: nil, restarts: false) }
            case .renew:
                let masked = Self.masked(t)
                let until = book.first(.renewedUntil, in: masked)?.date() ?? sectionUntil
                let restarts = sectionRestarts || book.first(.restart, in: masked) != nil
                renewed += cited().map { Renewal(document: $0, until: until, restarts: restarts) }
            case .none:
                for sentence in t.split(whereSeparator: { "。;!?".contains($0) }) { read(sentence: String(sentence), book) }
            }
        }
        repealed = Self.unique(repealed)
        renewed = Self.unique(renewed)
        amended = Self.unique(amended)
        partlyReplaced = Self.unique(partlyReplaced)
    }

    /// One sentence outside a list. When it keeps or renews something, clause by clause: a clause
    /// saying 继续有效 renews what it names (until the 有效期至 the sentence gives), one that keeps
    /// (修改, 不予废止) acts on nothing. Otherwise the whole sentence: a partial replacement, an
    /// amendment or a repeal of every document it names outside a basis clause.
    private mutating func read(sentence: String, _ book: ValidityPhrasebook) {
        let acted = Self.clauses(of: sentence).filter { !$0.isBasis }
        let cited = acted.flatMap { CitedDocument.all(in: $0.text) }
        guard !cited.isEmpty else { return }
        let masked = acted.map(\.masked).joined(separator: ",")
        if book.matches(.renewSection, masked) || book.matches(.keep, masked) {
            let until = book.first(.renewedUntil, in: masked)?.date()
            let restarts = book.matches(.restart, masked)
            for clause in acted {
                let documents = CitedDocument.all(in: clause.text)
                if book.matches(.renewSection, clause.masked) {
                    renewed += documents.map { Renewal(document: $0, until: until, restarts: restarts) }
                } else if !book.matches(.keep, clause.masked) {
                    act(on: documents, in: clause.masked, book)
                }
            }
        } else {
            act(on: cited, in: masked, book)
        }
    }

    private mutating func act(on documents: [CitedDocument], in masked: String, _ book: ValidityPhrasebook) {
        if book.matches(.partial, masked) {
            partlyReplaced += documents
        } else if book.matches(.amend, masked) {
            amended += documents
        } else if let m = book.first(.repeal, in: masked) {
            repealed += documents.map { Repeal(document: $0, from: m.date()) }
        }
    }

    private static func section(of masked: String, _ book: ValidityPhrasebook) -> Section {
        if book.matches(.amendSection, masked) { return .amend }
        switch (book.matches(.repealSection, masked), book.matches(.renewSection, masked)) {
        case (true, false): return .repeal
        case (false, true): return .renew
        default: return .none
        }
    }

    /// A list item, or a cell of a clean-up table: a numbered line, a 《title》, a Markdown table row,
    /// a short cell with a 文号, a 序号, a column heading, or a title ending in a 文种 — not a sentence
    /// that merely cites a document after the list.
    static func isItem(_ t: String) -> Bool {
        if t.firstMatch(\.repealListItem) != nil { return true }
        if t.firstMatch(\.repealItemNumber) != nil || (t.count <= 30 && DocumentNumber.first(in: t) != nil) { return true }
        if t.firstMatch(\.repealTableHeading) != nil {
            return true
        }
        return t.count <= 60 && t.firstMatch(\.repealGenreEnding) != nil
    }

    /// An item naming its document by a bare title (`2.关于城市道路停车管理的通知`, with its 文号 in
    /// brackets after it or not, or the title cell of a clean-up table): the title, when the item
    /// ends in a 文种.
    static func listedTitle(_ t: String) -> CitedDocument? {
        var s = Substring(t)
        if let marker = t.firstMatch(\.repealItemMarker) { s = s.dropFirst(marker.count) }
        while let last = s.last, ";。,".contains(last) { s = s.dropLast() }
        if s.last == ")", let open = s.lastIndex(of: "(") { s = s[..<open] }
        let title = TitleKey.of(String(s))
        guard title.count >= 6, title.count <= 80, title.firstMatch(\.repealGenreEnding) != nil else { return nil }
        return CitedDocument(title: title, number: nil)
    }

    /// A clause of a sentence (split at commas outside brackets), with its words inside 《》 and
    /// brackets blanked, and whether it cites its documents as a basis (根据《…》).
    struct Clause {
        let text: String
        let masked: String
        var isBasis: Bool { text.firstMatch(\.repealBasisClause) != nil }
    }

    static func clauses(of sentence: String) -> [Clause] {
        let original = Array(sentence)
        let masked = Array(Self.masked(sentence))
        var result: [Clause] = []
        var start = 0
        for i in 0...original.count where i == original.count || masked[i] == "," {
            if i > start { result.append(Clause(text: String(original[start..<i]), masked: String(masked[start..<i]))) }
            start = i + 1
        }
        return result
    }

    /// `text` with every character inside 《》, 〈〉 and round brackets replaced by □ (the
    /// brackets kept), character for character.
    static func masked(_ text: String) -> String {
        var depth = 0
        var out = ""
        for ch in text {
            switch ch {
            case "《", "〈", "(":
                depth += 1
                out.append(ch)
            case "》", "〉", ")":
                depth = max(0, depth - 1)
                out.append(ch)
            default:
                out.append(depth > 0 ? "□" : ch)
            }
        }
        return out
    }

    private static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen: Set<T> = []
        return items.filter { seen.insert($0).inserted }
    }
}
