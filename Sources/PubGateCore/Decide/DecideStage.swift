/// Stage 5 (decide): turns a document's findings into a ``Verdict`` under the site's
/// ``DecisionPolicy`` — when the document's own stages end, again when aggregation adds findings,
/// and when suppressions accept some. The manifest record (``DocumentReview``) only records what
/// this stage decided.
struct DecideStage: Sendable {
    let policy: DecisionPolicy

    /// The verdict on `findings` (severity overrides and floors applied).
    func verdict(on findings: [Finding]) -> Verdict {
        adding(findings, to: Verdict(findings: [], suppressed: [], decision: .approve, disposition: nil))
    }

    /// `verdict` with findings of a later stage added, decided again.
    func adding(_ more: [Finding], to verdict: Verdict) -> Verdict {
        var v = verdict
        v.findings = (v.findings + policy.adjust(more)).sorted(by: Self.order)
        (v.decision, v.disposition) = policy.decide(v.findings)
        return v
    }

    /// ``adding(_:to:)`` for a stored review known by its findings' keys (``ManifestEntry``): the
    /// added findings as adjusted, the merged order (indices into the old findings, then the added
    /// ones after them) and the decision, as sorting and deciding the findings themselves would give.
    func adding(
        _ more: [Finding], toKeys old: [ManifestEntry.FindingKey]
    ) -> (added: [Finding], order: [Int], decision: Decision, disposition: Disposition?) {
        let added = policy.adjust(more)
        let keys = old + added.map(ManifestEntry.FindingKey.init)
        // The same comparisons as `order` on the findings, so the same permutation.
        let order = keys.indices.sorted { a, b in
            let (ka, kb) = (keys[a], keys[b])
            if ka.position != kb.position { return ka.position < kb.position }
            return ka.ruleID < kb.ruleID
        }
        let (decision, disposition) = policy.decide(keys.lazy.map { ($0.kind, $0.severity) })
        return (added, order, decision, disposition)
    }

    /// `verdict` with the findings an inline allow or a baseline entry accepts moved into
    /// `suppressed`, decided again; and the suppressions that matched nothing. A document that
    /// could not be read or fully scanned is never accepted this way (fail closed).
    func suppressing(
        _ verdict: Verdict, allows: [InlineSuppressions.Allow], baseline: [Baseline.Entry]
    ) -> (verdict: Verdict, stale: [Suppression]) {
        var usedAllows = Set<Int>()
        var usedEntries = Set<Int>()
        var v = verdict
        var kept: [Finding] = []
        for f in verdict.findings {
            guard f.kind != .unscannable, f.kind != .scanIncomplete, f.kind != .suppression else {
                kept.append(f)
                continue
            }
            if let i = allows.firstIndex(where: { a in
                a.rule == f.ruleID && (f.location.map { $0.line == a.line || $0.line == a.line + 1 } ?? true)
            }) {
                usedAllows.insert(i)
                v.suppressed.append(SuppressedFinding(finding: f, suppression: allows[i].suppression))
                continue
            }
            // The fingerprint is a hash of the finding: only worked out when there is a baseline to match.
            if !baseline.isEmpty, case let fingerprint = Baseline.fingerprint(f),
                let i = baseline.firstIndex(where: { $0.rule == f.ruleID && $0.fingerprint == fingerprint })
            {
                usedEntries.insert(i)
                v.suppressed.append(SuppressedFinding(finding: f, suppression: baseline[i].suppression))
                continue
            }
            kept.append(f)
        }
        v.findings = kept
        (v.decision, v.disposition) = policy.decide(v.findings)
        let stale =
            allows.indices.filter { !usedAllows.contains($0) }.map { allows[$0].suppression }
            + baseline.indices.filter { !usedEntries.contains($0) }.map { baseline[$0].suppression }
        return (v, stale)
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        let la = a.location.map { ($0.line, $0.column) } ?? (0, 0)
        let lb = b.location.map { ($0.line, $0.column) } ?? (0, 0)
        if la != lb { return la < lb }
        return a.ruleID < b.ruleID
    }
}

extension InlineSuppressions.Allow {
    /// The suppression this `pubgate:allow` line makes.
    var suppression: Suppression { Suppression(source: .inline, rule: rule, reason: reason, line: line) }
}

extension Baseline.Entry {
    /// The suppression this baseline entry makes.
    var suppression: Suppression { Suppression(source: .baseline, rule: rule, reason: reason, line: nil, author: addedBy, date: added) }
}
