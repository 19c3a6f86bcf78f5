/// Stage 5 (decide): maps a document's findings to approve or reject and a disposition.
///
/// Configured by `Rules/policy.yaml` and the site's settings: `severity` overrides a finding's
/// severity by kind or rule id, and `decision.reject` lists the severities that reject (strict by
/// default: block, review and fix; warn and info are reported only). The disposition is the
/// strictest one any rejecting finding calls for.
public struct DecisionPolicy: Sendable {
    public let reject: Set<Severity>
    public let overrides: [String: Severity]

    public init(reject: Set<Severity> = [.block, .review, .fix], overrides: [String: Severity] = [:]) {
        self.reject = reject
        self.overrides = overrides
    }

    public init(settings: Settings) {
        self.init(reject: Set(settings.decision.reject), overrides: settings.severity)
    }

    /// Applies the severity overrides (rule id first, then kind). A document that could not be read
    /// or fully scanned stays blocked whatever the settings say (fail closed).
    public func adjust(_ findings: [Finding]) -> [Finding] {
        guard !overrides.isEmpty else { return findings }
        return findings.map { f in
            var f = f
            guard f.kind != .unscannable, f.kind != .scanIncomplete else { return f }
            if let s = overrides[f.ruleID] ?? overrides[f.kind.rawValue] { f.severity = s }
            return f
        }
    }

    public func decide(_ findings: [Finding]) -> (Decision, Disposition?) {
        let strictest = findings.map(\.severity).filter { reject.contains($0) }.max()
        guard let strictest, let disposition = Disposition(severity: strictest) else { return (.approve, nil) }
        return (.reject, disposition)
    }
}
