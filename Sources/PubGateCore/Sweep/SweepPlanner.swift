/// Decides which pages of a site are due for purge, relabel or a person's review as of a date
/// (docs/domain.md §9 EXPIRY).
///
/// First pass: every trigger on every page, with the links other pages make to it (``PageLinks``:
/// repeals, renewals, amendments, partial replacements, resolved by 文号 first). Second pass: the
/// 解读 of a page that goes, goes with it (E-08) — the 解读 found by what it declares it explains.
/// A trigger that fires only through a link that cannot be confirmed is a review item, never a
/// purge. Per page: the first confident purge in file order, else the first doubtful purge (as a
/// review), else the first relabel, else the first review.
struct SweepPlanner: Sendable {
    let rules: ExpiryRules
    let normative: Settings.PublicationSettings.Normative
    let asOf: SimpleDate

    /// A trigger that fired, with its evidence; `doubt` says why it cannot be acted on unseen.
    struct Hit {
        let trigger: ExpiryTrigger
        var evidence: [String: String]
        var doubt: String?

        /// What the plan does: a doubtful purge or relabel becomes a review.
        var action: ExpiryTrigger.Action { doubt == nil ? trigger.action : .review }
    }

    func plan(_ pages: [SitePage], layout: SiteLayout, unreadable: [String: String], site: SiteState, runID: String) -> SweepPlan {
        let index = SiteIndex(pages)
        let links = PageLinks(pages, index: index)
        var chosen: [Int: Hit] = [:]
        for (i, page) in pages.enumerated() {
            let hits = rules.triggers.filter { $0.action != .off }.compactMap { evaluate($0, i, page, pages, links) }
            chosen[i] = Self.choose(hits)
        }
        interpretations(pages, index: index, chosen: &chosen)
        var lists: [ExpiryTrigger.Action: [SweepItem]] = [:]
        for (i, page) in pages.enumerated() {
            guard let hit = chosen[i] else { continue }
            var evidence = hit.evidence
            if let doubt = hit.doubt { evidence["doubt"] = doubt }
            let item = SweepItem(
                path: page.path, sitePath: page.relativePath, sha256: page.sha256, bytes: page.bytes, action: hit.action,
                rule: hit.trigger.id, reason: hit.trigger.reason,
                label: hit.action == .relabel ? hit.trigger.label : nil, evidence: evidence, title: page.title,
                documentNumber: page.profile.documentNumber,
                rendered: hit.action == .purge ? layout.renderedOutputs(of: page.relativePath) : [])
            lists[hit.action, default: []].append(item)
        }
        let sorted = { (action: ExpiryTrigger.Action) in (lists[action] ?? []).sorted { $0.sitePath < $1.sitePath } }
        return SweepPlan(
            runID: runID, asOf: asOf, site: layout.root, siteState: site, pages: pages.count, purge: sorted(.purge),
            relabel: sorted(.relabel), review: sorted(.review), unreadable: unreadable)
    }

    static func choose(_ hits: [Hit]) -> Hit? {
        hits.first { $0.action == .purge } ?? hits.first { $0.trigger.action == .purge } ?? hits.first { $0.action == .relabel }
            ?? hits.first { $0.action == .review }
    }

    func evaluate(_ t: ExpiryTrigger, _ i: Int, _ page: SitePage, _ pages: [SitePage], _ links: PageLinks) -> Hit? {
        func hit(_ evidence: [String: String]?, doubt: String? = nil) -> Hit? { evidence.map { Hit(trigger: t, evidence: $0, doubt: doubt) } }
        switch t.kind {
        case .validityStatus:
            guard let v = page.metadata.validity?.filter({ !$0.isWhitespace }), t.values.contains(v) else { return nil }
            return hit(["validity": v])
        case .validUntil, .statedPeriod, .normativeDefaultPeriod:
            return term(t, page, pages, links.renewals[i] ?? [])
        case .repealedByPage:
            return linked(t, links.repeals[i] ?? [], pages, role: "repealed_by") { link in
                guard let from = link.date else { return true }
                return from <= asOf
            }
        case .amendedByPage:
            return linked(t, links.amendments[i] ?? [], pages, role: "amended_by") { _ in true }
        case .partlyReplaced:
            return linked(t, links.partial[i] ?? [], pages, role: "partly_replaced_by") { _ in true }
        case .publicityEnded:
            guard let w = page.publicity, w.lastDay.adding(days: t.graceDays) < asOf else { return nil }
            return hit(["publicity_last_day": w.lastDay.description, "basis": w.basis])
        case .penaltyPublicity:
            guard page.docType == .penalty || page.docType == .licence, let d = page.date, d.months(until: asOf) >= t.months else {
                return nil
            }
            return hit(["published": d.description, "months": String(t.months)])
        case .expiryDate:
            guard let e = page.metadata.expiryDate, e < asOf else { return nil }
            return hit(["expiry_date": e.description])
        case .columnAge:
            guard let column = page.metadata.column, let years = t.columns[column], let d = page.date, d.adding(years: years) <= asOf
            else { return nil }
            return hit(["column": column, "published": d.description, "years": String(years)])
        case .interpretsRemoved:
            return nil
        }
    }

    /// The first link in effect (`inEffect`) that resolved to this page, else the first doubtful one.
    private func linked(
        _ t: ExpiryTrigger, _ links: [PageLinks.Link], _ pages: [SitePage], role: String, inEffect: (PageLinks.Link) -> Bool
    ) -> Hit? {
        let live = links.filter(inEffect)
        guard let link = live.first(where: { $0.doubt == nil }) ?? live.first else { return nil }
        let citing = pages[link.by]
        var evidence = [role: citing.relativePath, "cited_as": link.cited.label]
        if let n = citing.profile.documentNumber { evidence[role + "_number"] = n }
        if let by = link.matchedBy { evidence["matched_by"] = by }
        if role == "repealed_by", let from = link.date { evidence["repealed_from"] = from.description }
        return Hit(trigger: t, evidence: evidence, doubt: link.doubt)
    }

    /// E-01: the page's term (有效期至, stated period, normative default) as renewed by clean-ups:
    /// a new 有效期至 wins; a restarted period counts again from the clean-up's effect; a renewal
    /// that gives neither, or that cannot be confirmed to name this page, turns a due term into a
    /// review.
    private func term(_ t: ExpiryTrigger, _ page: SitePage, _ pages: [SitePage], _ renewals: [PageLinks.Link]) -> Hit? {
        let sure = renewals.filter { $0.doubt == nil }
        let until = sure.compactMap(\.date).max()
        let restart = until == nil ? sure.filter(\.restarts).compactMap { pages[$0.by].effectiveDate }.max() : nil
        var statement = page.statement
        var effective = page.metadata.effectiveDate
        if let restart {
            statement.effectiveDate = restart
            statement.validUntil = nil
            effective = restart
        }
        guard
            let term = ValidityTerm.of(
                statement, validUntil: until ?? (restart == nil ? page.metadata.validUntil : nil), effectiveDate: effective,
                writtenDate: page.writtenDate, defaults: page.docType == .normative ? normative : nil),
            asOf >= term.expiresOn
        else { return nil }
        let basis: [ExpiryTrigger.Kind: [String]] = [
            .validUntil: ["valid_until"], .statedPeriod: ["stated_period"],
            .normativeDefaultPeriod: ["default_period", "default_trial_period"],
        ]
        guard basis[t.kind]!.contains(term.basis) else { return nil }
        var evidence = ["expires_on": term.expiresOn.description, "basis": term.basis]
        if let from = term.countedFrom { evidence["counted_from"] = from }
        if let e = statement.effectiveDate ?? effective { evidence["effective_date"] = e.description }
        if let until { evidence["renewed_until"] = until.description }
        if let restart { evidence["restarted_from"] = restart.description }
        var doubt: String?
        if let open = sure.first(where: { $0.date == nil && !$0.restarts }), until == nil, restart == nil {
            evidence["renewed_by"] = pages[open.by].relativePath
            doubt = "a clean-up keeps it in force without a new 有效期"
        } else if let unsure = renewals.first(where: { $0.doubt != nil }), until == nil {
            evidence["renewed_by"] = pages[unsure.by].relativePath
            doubt = "a renewal may name it: " + (unsure.doubt ?? "")
        }
        return Hit(trigger: t, evidence: evidence, doubt: doubt)
    }

    /// E-08: a 解读 goes with the page it explains when that page goes (as a purge or relabel of the
    /// trigger's action); when it cannot be told which page it explains and one candidate goes, or
    /// its page is only under review, the 解读 is a review item too.
    func interpretations(_ pages: [SitePage], index: SiteIndex, chosen: inout [Int: Hit]) {
        for trigger in rules.enabled(.interpretsRemoved) {
            let decided = chosen
            func goes(_ j: Int) -> Hit? {
                guard pages[j].docType != .interpretation, let h = decided[j] else { return nil }
                return h.action == trigger.action || (h.action == .review && h.trigger.action == trigger.action) ? h : nil
            }
            for (i, page) in pages.enumerated() where page.docType == .interpretation && decided[i]?.action != .purge {
                guard let target = page.interprets else { continue }
                var matched: [(page: Int, by: String)] = []
                var unsure: [Int] = []
                var why = ""
                for cited in target.documents {
                    switch index.resolve(cited, from: i, alsoCited: page.subjectNumbers) {
                    case .none: continue
                    case .page(let j, let by): matched.append((j, by))
                    case .ambiguous(let js, let reason):
                        unsure += js
                        why = reason
                    }
                }
                // Body citations are candidates: more than one page among them is a doubt.
                if target.source == "body", Set(matched.map(\.page)).count > 1 {
                    unsure += matched.map(\.page)
                    matched = []
                    why = "its body cites several documents on the site"
                }
                if let m = matched.first, let h = goes(m.page) {
                    var evidence = [
                        "interprets": pages[m.page].relativePath, "interprets_reason": h.trigger.reason, "matched_by": m.by,
                        "interprets_declared": target.source,
                    ]
                    if h.doubt != nil { evidence["interprets_review"] = "true" }
                    chosen[i] = Hit(trigger: trigger, evidence: evidence, doubt: h.doubt.map { _ in "the page it explains is under review" })
                } else if matched.isEmpty, let j = unsure.first(where: { goes($0) != nil }) {
                    chosen[i] = Hit(
                        trigger: trigger,
                        evidence: [
                            "interprets_candidates": unsure.map { pages[$0].relativePath }.joined(separator: ", "),
                            "interprets_reason": goes(j)!.trigger.reason, "interprets_declared": target.source,
                        ],
                        doubt: "cannot tell which page it explains: " + why)
                }
            }
        }
    }
}
