/// The site's pages by canonical 文号 and by comparable title, and how a document another page
/// cites resolves against them.
///
/// Identity is the 文号 first: a citation that gives one names the page carrying it and no other,
/// so a current rule and the repealed one it replaced — same title, different 文号 — are never
/// confused. A title alone identifies a page only when neither the citation nor the page has a
/// 文号 (or the citing page names that page's 文号 somewhere); any other doubt is `ambiguous`,
/// which the plan turns into a review item, never a purge.
struct SiteIndex {
    let pages: [SitePage]
    private let byNumber: [String: [Int]]
    private let byTitle: [String: [Int]]

    /// What a citation resolves to.
    enum Resolution: Equatable {
        case none
        /// One page; `by` says how (`document_number`, `title_and_document_number`, `title`).
        case page(Int, by: String)
        /// Several pages, or one that cannot be confirmed; `why` explains.
        case ambiguous([Int], why: String)
    }

    init(_ pages: [SitePage]) {
        self.pages = pages
        var byNumber: [String: [Int]] = [:]
        var byTitle: [String: [Int]] = [:]
        for (i, p) in pages.enumerated() {
            if let n = p.profile.documentNumber { byNumber[n, default: []].append(i) }
            if let t = p.profile.title { byTitle[t, default: []].append(i) }
        }
        self.byNumber = byNumber
        self.byTitle = byTitle
    }

    /// Resolves `cited` for the page at `citing` (never itself). `alsoCited` are the 文号 the citing
    /// page names anywhere, which confirm a title; pages dated after `notNewerThan` are left out (a
    /// document does not repeal a newer one).
    func resolve(
        _ cited: CitedDocument, from citing: Int?, alsoCited: Set<String> = [], notNewerThan limit: SimpleDate? = nil
    ) -> Resolution {
        func eligible(_ i: Int) -> Bool {
            guard i != citing else { return false }
            if let limit, let d = pages[i].date, d > limit { return false }
            return true
        }
        if let n = cited.number {
            let hits = (byNumber[n] ?? []).filter(eligible)
            if hits.count == 1 { return .page(hits[0], by: "document_number") }
            if hits.count > 1 { return .ambiguous(hits, why: "several pages carry this 文号") }
            // No page carries the number: a page with the same title and no 文号 of its own may be it.
            let unnumbered = (cited.title.flatMap { byTitle[$0] } ?? []).filter { eligible($0) && pages[$0].profile.documentNumber == nil }
            return unnumbered.isEmpty ? .none : .ambiguous(unnumbered, why: "cited with a 文号 that the page with this title does not carry")
        }
        guard let t = cited.title else { return .none }
        let hits = (byTitle[t] ?? []).filter(eligible)
        guard !hits.isEmpty else { return .none }
        let confirmed = hits.filter { pages[$0].profile.documentNumber.map(alsoCited.contains) ?? false }
        if confirmed.count == 1 { return .page(confirmed[0], by: "title_and_document_number") }
        if confirmed.count > 1 { return .ambiguous(confirmed, why: "several pages carry this title and a 文号 the page cites") }
        let numbered = hits.contains { pages[$0].profile.documentNumber != nil }
        if hits.count == 1, !numbered { return .page(hits[0], by: "title") }
        return .ambiguous(hits, why: numbered ? "cited by title only, and the page with this title has a 文号" : "several pages carry this title")
    }
}
