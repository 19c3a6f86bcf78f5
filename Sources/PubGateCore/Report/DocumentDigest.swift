/// What the summaries, the decision lists and the exit code need of one document, kept in memory
/// for the whole batch while the full reviews stay in the ``ReviewStore``.
public struct DocumentDigest: Sendable {
    public let path: String
    let sha256: String
    let decision: Decision
    let disposition: Disposition?
    /// Rule ids behind a rejection, strictest severity first, each once.
    let reasons: [String]
    /// Blocking findings per rule id.
    let blocking: [String: Int]
    /// Why the document could not be read or decoded, when it could not (its `unscannable` findings).
    public let unscannable: [Finding]
    /// Findings per kind.
    let kinds: [String: Int]

    init(_ review: DocumentReview) {
        self.init(
            path: review.path, sha256: review.sha256, decision: review.decision, disposition: review.disposition,
            findings: review.findings.map(ManifestEntry.FindingKey.init), unscannable: review.findings.filter { $0.kind == .unscannable })
    }

    /// From the review's findings' keys, in order (and its `unscannable` findings themselves).
    init(
        path: String, sha256: String, decision: Decision, disposition: Disposition?, findings: [ManifestEntry.FindingKey],
        unscannable: [Finding]
    ) {
        self.path = path
        self.sha256 = sha256
        self.decision = decision
        self.disposition = disposition
        let rejecting = findings.filter { Disposition(severity: $0.severity) != nil }
        var unique: [String] = []
        for r in rejecting.sorted(by: { $0.severity > $1.severity }).map(\.ruleID) where !unique.contains(r) { unique.append(r) }
        reasons = unique
        blocking = Dictionary(grouping: rejecting, by: \.ruleID).mapValues(\.count)
        self.unscannable = unscannable
        kinds = Dictionary(grouping: findings, by: \.kind.rawValue).mapValues(\.count)
    }
}
