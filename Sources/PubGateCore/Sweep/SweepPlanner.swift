/// Decides which pages of a site are due for purge or relabel as of a date (domain-spec §9 EXPIRY).
///
/// First pass: every trigger on every page, with renewals from clean-up decisions applied and
/// repeals matched across pages (by 文号 when the repeal gives one, else by title; never the
/// repealing page itself, never a page newer than the one that repeals it). Second pass: the 解读
/// of a page that goes, goes with it (E-08). Per page the first purge trigger in file order wins,
/// else the first relabel.
public struct SweepPlanner: Sendable {
    public let rules: ExpiryRules
    public let normative: Settings.PublicationSettings.Normative
    public let asOf: SimpleDate

    public init(rules: ExpiryRules, normative: Settings.PublicationSettings.Normative, asOf: SimpleDate) {
        self.rules = rules
        self.normative = normative
        self.asOf = asOf
    }

    typealias Hit = (trigger: ExpiryTrigger, evidence: [String: String])

    public func plan(_ pages: [SitePage], layout: SiteLayout, unreadable: [String: String]) -> SweepPlan {
        let repeals = repealedPages(pages)
        let renewals = renewalDates(pages)
        var chosen: [Int: Hit] = [:]
        for (i, page) in pages.enumerated() {
            let hits: [Hit] = rules.triggers.filter { $0.action != .off }.compactMap { trigger -> Hit? in
                evaluate(trigger, page, repealedBy: repeals[i], renewedUntil: renewals(page)).map { (trigger: trigger, evidence: $0) }
            }
            if let hit = hits.first(where: { $0.trigger.action == .purge }) ?? hits.first { chosen[i] = hit }
        }
        // E-08: a 解读 goes with the policy it interprets.
        for trigger in rules.enabled(.interpretsRemoved) {
            let gone = chosen.filter { $0.value.trigger.action == trigger.action && pages[$0.key].docType != .interpretation }
            for (i, page) in pages.enumerated() where page.docType == .interpretation && chosen[i]?.trigger.action != .purge {
                guard let (j, _) = gone.first(where: { page.profile.cites(pages[$0.key].profile) && $0.key != i }) else { continue }
                chosen[i] = (trigger, ["interprets": pages[j].relativePath, "interprets_reason": gone[j]!.trigger.reason])
            }
        }
        var purge: [SweepItem] = []
        var relabel: [SweepItem] = []
        for (i, page) in pages.enumerated() {
            guard let hit = chosen[i] else { continue }
            let item = SweepItem(
                path: page.path, sitePath: page.relativePath, sha256: page.sha256, bytes: page.bytes, action: hit.trigger.action,
                rule: hit.trigger.id, reason: hit.trigger.reason,
                label: hit.trigger.action == .relabel ? hit.trigger.label : nil, evidence: hit.evidence, title: page.title,
                documentNumber: page.profile.documentNumber,
                rendered: hit.trigger.action == .purge ? layout.renderedOutputs(of: page.relativePath) : [])
            if hit.trigger.action == .purge { purge.append(item) } else { relabel.append(item) }
        }
        let bySitePath = { (a: SweepItem, b: SweepItem) in a.sitePath < b.sitePath }
        return SweepPlan(
            asOf: asOf, site: layout.root, pages: pages.count, purge: purge.sorted(by: bySitePath),
            relabel: relabel.sorted(by: bySitePath), unreadable: unreadable)
    }

    func evaluate(_ t: ExpiryTrigger, _ page: SitePage, repealedBy: Hit?, renewedUntil: SimpleDate?) -> [String: String]? {
        switch t.kind {
        case .validityStatus:
            guard let v = page.metadata.validity?.filter({ !$0.isWhitespace }), t.values.contains(v) else { return nil }
            return ["validity": v]
        case .validUntil, .statedPeriod, .normativeDefaultPeriod:
            let until = renewedUntil ?? page.metadata.validUntil
            guard
                let term = ValidityTerm.of(
                    page.statement, validUntil: until, effectiveDate: page.metadata.effectiveDate, writtenDate: page.writtenDate,
                    defaults: page.docType == .normative ? normative : nil),
                asOf >= term.expiresOn
            else { return nil }
            let basis: [ExpiryTrigger.Kind: [String]] = [
                .validUntil: ["valid_until"], .statedPeriod: ["stated_period"],
                .normativeDefaultPeriod: ["default_period", "default_trial_period"],
            ]
            guard basis[t.kind]!.contains(term.basis) else { return nil }
            var evidence = ["expires_on": term.expiresOn.description, "basis": term.basis]
            if let from = term.countedFrom { evidence["counted_from"] = from }
            if let e = page.statement.effectiveDate ?? page.metadata.effectiveDate { evidence["effective_date"] = e.description }
            if renewedUntil != nil { evidence["renewed_until"] = renewedUntil!.description }
            return evidence
        case .repealedByPage:
            return repealedBy?.evidence
        case .publicityEnded:
            guard let w = page.publicity, w.lastDay.adding(days: t.graceDays) < asOf else { return nil }
            return ["publicity_last_day": w.lastDay.description, "basis": w.basis]
        case .penaltyPublicity:
            guard page.docType == .penalty || page.docType == .licence, let d = page.date, d.months(until: asOf) >= t.months else {
                return nil
            }
            return ["published": d.description, "months": String(t.months)]
        case .expiryDate:
            guard let e = page.metadata.expiryDate, e < asOf else { return nil }
            return ["expiry_date": e.description]
        case .columnAge:
            guard let column = page.metadata.column, let years = t.columns[column], let d = page.date, d.adding(years: years) <= asOf
            else { return nil }
            return ["column": column, "published": d.description, "years": String(years)]
        case .interpretsRemoved:
            return nil
        }
    }

    /// For each page index, the first page that repeals it (E-02).
    func repealedPages(_ pages: [SitePage]) -> [Int: Hit] {
        guard let trigger = rules.enabled(.repealedByPage).first else { return [:] }
        var byNumber: [String: [Int]] = [:]
        var byTitle: [String: [Int]] = [:]
        for (i, p) in pages.enumerated() {
            if let n = p.profile.documentNumber { byNumber[n, default: []].append(i) }
            if let t = p.profile.title { byTitle[t, default: []].append(i) }
        }
        var result: [Int: Hit] = [:]
        for (j, citing) in pages.enumerated() {
            for cited in citing.references.repealed {
                let targets = cited.number.map { byNumber[$0] ?? [] } ?? cited.title.map { byTitle[$0] ?? [] } ?? []
                for i in targets where i != j && result[i] == nil {
                    if let a = pages[i].date, let b = citing.date, a > b { continue }
                    var evidence = ["repealed_by": citing.relativePath]
                    if let n = citing.profile.documentNumber { evidence["repealed_by_number"] = n }
                    if let n = cited.number { evidence["cited_as"] = n } else if let t = cited.title { evidence["cited_as"] = "《\(t)》" }
                    result[i] = (trigger, evidence)
                }
            }
        }
        return result
    }

    /// The latest 有效期至 a clean-up decision on the site gives a page (by 文号, else title).
    func renewalDates(_ pages: [SitePage]) -> (SitePage) -> SimpleDate? {
        var byNumber: [String: SimpleDate] = [:]
        var byTitle: [String: SimpleDate] = [:]
        for p in pages {
            for (cited, until) in p.references.renewed {
                if let n = cited.number { byNumber[n] = max(byNumber[n] ?? until, until) }
                else if let t = cited.title { byTitle[t] = max(byTitle[t] ?? until, until) }
            }
        }
        return { page in
            if let n = page.profile.documentNumber, let d = byNumber[n] { return d }
            if let t = page.profile.title { return byTitle[t] }
            return nil
        }
    }
}
