/// The review's main output (`manifest.json`): every input exactly once, with its decision.
///
/// The documents' full reviews are read from disk one at a time (``ReviewList``); what the
/// summary, the decision lists and the exit code need is in `digests`. ``ManifestWriter`` writes
/// the file document by document, so neither the reviews nor their JSON are ever all in memory.
public struct Manifest: Sendable {
    /// Bumped when a field changes meaning; Pipeline.md documents each version.
    static let schemaVersion = 2

    let schema: Int
    let tool: String
    let version: String
    let asOf: SimpleDate
    let rulesLoaded: Int
    let showMatches: Bool
    public let summary: ManifestSummary
    public let documents: ReviewList
    /// One small digest per document, in the same order.
    public let digests: [DocumentDigest]
    /// Findings about several documents together (aggregation), each naming its documents.
    public let batchFindings: [BatchFinding]
    /// Suppressions that accepted nothing in this run (their finding is gone): candidates to remove.
    public let staleSuppressions: [StaleSuppression]
    /// The site's settings files the run applied, with their SHA-256.
    let settings: [SettingsFile]
    /// Paths inside the reviewed folders deliberately not reviewed (version-control data, the
    /// output folder, the settings file), each with its reason.
    let excluded: [InputCollector.Exclusion]

    init(
        version: String, asOf: SimpleDate, rulesLoaded: Int, showMatches: Bool, documents: ReviewList,
        digests: [DocumentDigest], batchFindings: [BatchFinding], staleSuppressions: [StaleSuppression],
        settings: [SettingsFile] = [], excluded: [InputCollector.Exclusion] = []
    ) {
        self.settings = settings
        self.excluded = excluded
        self.schema = Manifest.schemaVersion
        self.tool = "pubgate"
        self.version = version
        self.asOf = asOf
        self.rulesLoaded = rulesLoaded
        self.showMatches = showMatches
        self.documents = documents
        self.digests = digests
        self.batchFindings = batchFindings
        self.staleSuppressions = staleSuppressions
        self.summary = ManifestSummary(digests)
    }

    /// The file's top-level keys: the one declaration of what `manifest.json` holds and how each
    /// member is named (``ManifestWriter`` writes them in sorted order, as sorted-keys JSON has them).
    enum Key: String, CaseIterable {
        case schema, tool, version
        case asOf = "as_of"
        case rulesLoaded = "rules_loaded"
        case showMatches = "show_matches"
        case settings, excluded, summary, documents
        case batchFindings = "batch_findings"
        case staleSuppressions = "stale_suppressions"
    }
}

/// Counts for the top of the manifest and the human summary.
public struct ManifestSummary: Sendable, Codable {
    let documents: Int
    let approved: Int
    public let rejected: Int
    let unscannable: Int
    let findings: Int
    /// Findings per kind, only kinds that occurred.
    let byKind: [String: Int]

    init(_ documents: [DocumentDigest]) {
        self.documents = documents.count
        approved = documents.filter { $0.decision == .approve }.count
        rejected = documents.count - approved
        unscannable = documents.filter { !$0.unscannable.isEmpty }.count
        var counts: [String: Int] = [:]
        for d in documents { counts.merge(d.kinds, uniquingKeysWith: +) }
        byKind = counts
        findings = counts.values.reduce(0, +)
    }

    enum CodingKeys: String, CodingKey {
        case documents, approved, rejected, unscannable, findings
        case byKind = "by_kind"
    }
}

/// `approve.json` / `reject.json`: the documents of one decision, with what a publisher needs.
struct DecisionList: Sendable, Codable {
    struct Entry: Sendable, Codable {
        let path: String
        let sha256: String
        let disposition: Disposition?
        /// Rule ids behind a rejection, strictest severity first.
        let reasons: [String]
    }

    let decision: Decision
    let asOf: SimpleDate
    let documents: [Entry]

    init(decision: Decision, manifest: Manifest) {
        self.decision = decision
        self.asOf = manifest.asOf
        self.documents = manifest.digests.filter { $0.decision == decision }.map { d in
            Entry(path: d.path, sha256: d.sha256, disposition: d.disposition, reasons: d.reasons)
        }
    }

    enum CodingKeys: String, CodingKey {
        case decision
        case asOf = "as_of"
        case documents
    }
}
