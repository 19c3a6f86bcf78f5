/// Stage 5 (decide): maps a document's findings to approve or reject and a disposition.
///
/// Configured by `Rules/policy.yaml` and the site's settings: `severity` overrides a finding's
/// severity by kind or rule id, and `decision.reject` lists the severities that reject (strict by
/// default: block, review and fix; warn and info are reported only). Whatever it lists, a `block`
/// finding and a document not read or scanned in full (`unscannable`, `scan_incomplete`) reject:
/// `decision.reject: []` must not approve zip bombs. The disposition is the strictest one any
/// rejecting finding calls for.
struct DecisionPolicy: Sendable {
    let reject: Set<Severity>
    let overrides: [String: Severity]
    /// Severities a finding is raised to at least, by rule id or kind (the reviewed tree's settings).
    let floors: [String: Severity]

    init(reject: Set<Severity> = [.block, .review, .fix], overrides: [String: Severity] = [:], floors: [String: Severity] = [:]) {
        self.reject = reject
        self.overrides = overrides
        self.floors = floors
    }

    init(settings: Settings) {
        self.init(reject: Set(settings.decision.reject), overrides: settings.severity, floors: settings.severityFloors)
    }

    /// Applies the severity overrides (rule id first, then kind), then raises findings to their
    /// floors. A document that could not be read or fully scanned stays blocked whatever the
    /// settings say (fail closed).
    func adjust(_ findings: [Finding]) -> [Finding] {
        guard !overrides.isEmpty || !floors.isEmpty else { return findings }
        return findings.map { f in
            var f = f
            guard f.kind != .unscannable, f.kind != .scanIncomplete else { return f }
            if let s = overrides[f.ruleID] ?? overrides[f.kind.rawValue] { f.severity = s }
            for floor in [floors[f.ruleID], floors[f.kind.rawValue]].compactMap(\.self) where floor > f.severity { f.severity = floor }
            return f
        }
    }

    func decide(_ findings: [Finding]) -> (Decision, Disposition?) {
        decide(findings.lazy.map { ($0.kind, $0.severity) })
    }

    /// The decision on findings known by their kind and severity alone.
    func decide(_ findings: some Sequence<(kind: FindingKind, severity: Severity)>) -> (Decision, Disposition?) {
        let strictest = findings.filter { rejects(kind: $0.kind, severity: $0.severity) }
            .map { Self.isFailClosed($0.kind) ? max($0.severity, .review) : $0.severity }.max()
        guard let strictest, let disposition = Disposition(severity: strictest) else { return (.approve, nil) }
        return (.reject, disposition)
    }

    /// Whether `finding` rejects its document under this policy.
    func rejects(_ finding: Finding) -> Bool {
        rejects(kind: finding.kind, severity: finding.severity)
    }

    private func rejects(kind: FindingKind, severity: Severity) -> Bool {
        Self.isFailClosed(kind) || severity == .block || reject.contains(severity)
    }

    /// A finding saying the document was not read or scanned in full: it rejects whatever the
    /// settings say, at `review` at least.
    static func isFailClosed(_ finding: Finding) -> Bool {
        isFailClosed(finding.kind)
    }

    static func isFailClosed(_ kind: FindingKind) -> Bool {
        kind == .unscannable || kind == .scanIncomplete
    }
}
