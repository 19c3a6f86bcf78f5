import Testing

@testable import PubGateCore

@Suite struct DecisionPolicyTests {
    static func finding(_ rule: String, _ kind: FindingKind, _ severity: Severity) -> Finding {
        Finding(ruleID: rule, kind: kind, severity: severity, message: rule)
    }

    /// `decision.reject: []` or `[review, fix]` approved binary files, zip bombs and scans that hit
    /// a limit: what was not read in full, and a `block` finding, reject whatever the list says.
    @Test func unreadUnfinishedAndBlockingFindingsRejectWhateverTheSettingsSay() {
        let cases: [(Finding, Disposition)] = [
            (Self.finding("container_unscannable", .unscannable, .block), .block),
            (Self.finding("input_undecodable", .unscannable, .block), .block),
            (Self.finding("scan_limit", .scanIncomplete, .block), .block),
            (Self.finding("pdf_damaged", .scanIncomplete, .review), .review),
            (Self.finding("pi_resident_id_18", .residentID, .block), .block),
        ]
        for reject in [[], [Severity.review, .fix], [.info]] as [Set<Severity>] {
            let policy = DecisionPolicy(reject: reject, overrides: ["unscannable": .info, "scan_incomplete": .warn])
            for (finding, disposition) in cases {
                let decided = policy.decide(policy.adjust([finding]))
                #expect(decided.0 == .reject && decided.1 == disposition, "\(finding.ruleID) with reject \(reject)")
            }
            #expect(policy.decide([Self.finding("pi_landline", .landline, .warn)]).0 == (reject.contains(.warn) ? .reject : .approve))
        }
        // A site may still lower a rule's severity with --config; then it no longer blocks.
        let lowered = DecisionPolicy(reject: [.block], overrides: ["pi_mobile": .review])
        #expect(lowered.decide(lowered.adjust([Self.finding("pi_mobile", .mobile, .block)])).0 == .approve)
    }
}
