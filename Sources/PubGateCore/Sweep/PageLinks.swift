/// What the other pages of a site say about each page — who repeals it, renews it, amends it or
/// replaces it in part — with each citation resolved through ``SiteIndex`` (文号 first).
///
/// A citation that resolves to one page is a link; one that cannot be confirmed links every
/// candidate with the reason (`doubt`), so the plan can ask a person instead of acting. Only
/// documents act: a 解读 that retells a repeal does not make one.
struct PageLinks {
    struct Link {
        /// The citing page.
        let by: Int
        let cited: CitedDocument
        /// How the citation resolved (`document_number`, `title` …), nil when in doubt.
        let matchedBy: String?
        let doubt: String?
        /// Repeals: the day it takes effect. Renewals: the new end of validity.
        var date: SimpleDate?
        var restarts = false
    }

    private(set) var repeals: [Int: [Link]] = [:]
    private(set) var renewals: [Int: [Link]] = [:]
    private(set) var amendments: [Int: [Link]] = [:]
    private(set) var partial: [Int: [Link]] = [:]

    init(_ pages: [SitePage], index: SiteIndex) {
        // A 解读 explains a repeal; it repeals nothing itself.
        for (j, citing) in pages.enumerated() where citing.docType != .interpretation {
            let also = citing.profile.citedNumbers
            // A page acts on documents no newer than itself.
            func link(_ cited: CitedDocument, into table: inout [Int: [Link]], _ configure: (inout Link) -> Void = { _ in }) {
                switch index.resolve(cited, from: j, alsoCited: also, notNewerThan: citing.date) {
                case .none:
                    return
                case .page(let i, let by):
                    var l = Link(by: j, cited: cited, matchedBy: by, doubt: nil)
                    configure(&l)
                    table[i, default: []].append(l)
                case .ambiguous(let candidates, let why):
                    for i in candidates {
                        var l = Link(by: j, cited: cited, matchedBy: nil, doubt: why)
                        configure(&l)
                        table[i, default: []].append(l)
                    }
                }
            }
            let refs = citing.references
            for r in refs.repealed {
                // …同时废止 takes effect with the repealing page's own provisions.
                link(r.document, into: &repeals) { $0.date = r.from ?? citing.effectiveDate }
            }
            for r in refs.renewed {
                link(r.document, into: &renewals) {
                    $0.date = r.until
                    $0.restarts = r.restarts
                }
            }
            for d in refs.amended { link(d, into: &amendments) }
            for d in refs.partlyReplaced { link(d, into: &partial) }
        }
    }
}
