/// The review's main output (`manifest.json`): every input exactly once, with its decision.
public struct Manifest: Sendable, Codable {
    /// Bumped when a field changes meaning; Pipeline.md documents each version.
    public static let schemaVersion = 2

    public let schema: Int
    public let tool: String
    public let version: String
    public let asOf: SimpleDate
    public let rulesLoaded: Int
    public let showMatches: Bool
    public let summary: ManifestSummary
    public let documents: [DocumentReview]
    /// Findings about several documents together (aggregation), each naming its documents.
    public let batchFindings: [BatchFinding]
    /// Suppressions that accepted nothing in this run (their finding is gone): candidates to remove.
    public let staleSuppressions: [StaleSuppression]

    public init(
        version: String, asOf: SimpleDate, rulesLoaded: Int, showMatches: Bool, documents: [DocumentReview],
        batchFindings: [BatchFinding] = [], staleSuppressions: [StaleSuppression] = []
    ) {
        self.schema = Manifest.schemaVersion
        self.tool = "pubgate"
        self.version = version
        self.asOf = asOf
        self.rulesLoaded = rulesLoaded
        self.showMatches = showMatches
        self.documents = documents
        self.batchFindings = batchFindings
        self.staleSuppressions = staleSuppressions
        self.summary = ManifestSummary(documents)
    }

    enum CodingKeys: String, CodingKey {
        case schema, tool, version
        case asOf = "as_of"
        case rulesLoaded = "rules_loaded"
        case showMatches = "show_matches"
        case summary, documents
        case batchFindings = "batch_findings"
        case staleSuppressions = "stale_suppressions"
    }
}

/// Counts for the top of the manifest and the human summary.
public struct ManifestSummary: Sendable, Codable {
    public let documents: Int
    public let approved: Int
    public let rejected: Int
    public let unscannable: Int
    public let findings: Int
    /// Findings per kind, only kinds that occurred.
    public let byKind: [String: Int]

    init(_ documents: [DocumentReview]) {
        self.documents = documents.count
        approved = documents.filter { $0.decision == .approve }.count
        rejected = documents.count - approved
        unscannable = documents.filter { $0.findings.contains { $0.kind == .unscannable } }.count
        findings = documents.reduce(0) { $0 + $1.findings.count }
        var counts: [String: Int] = [:]
        for d in documents { for f in d.findings { counts[f.kind.rawValue, default: 0] += 1 } }
        byKind = counts
    }

    enum CodingKeys: String, CodingKey {
        case documents, approved, rejected, unscannable, findings
        case byKind = "by_kind"
    }
}

/// `approve.json` / `reject.json`: the documents of one decision, with what a publisher needs.
public struct DecisionList: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        public let path: String
        public let sha256: String
        public let disposition: Disposition?
        /// Rule ids behind a rejection, strictest severity first.
        public let reasons: [String]
    }

    public let decision: Decision
    public let asOf: SimpleDate
    public let documents: [Entry]

    public init(decision: Decision, manifest: Manifest) {
        self.decision = decision
        self.asOf = manifest.asOf
        self.documents = manifest.documents.filter { $0.decision == decision }.map { d in
            let reasons = d.findings.filter { Disposition(severity: $0.severity) != nil }
                .sorted { $0.severity > $1.severity }.map(\.ruleID)
            var unique: [String] = []
            for r in reasons where !unique.contains(r) { unique.append(r) }
            return Entry(path: d.path, sha256: d.sha256, disposition: d.disposition, reasons: unique)
        }
    }

    enum CodingKeys: String, CodingKey {
        case decision
        case asOf = "as_of"
        case documents
    }
}
