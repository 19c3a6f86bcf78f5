import Foundation

/// A finding about several documents together (the manifest's `batch_findings`): which rule, and
/// what each document contributed. Every contributing document also carries it as a finding.
public struct BatchFinding: Sendable, Codable, Hashable {
    public let rule: String
    public let kind: FindingKind
    public let severity: Severity
    /// Masked: names appear as 陈**, numbers never in full.
    public let message: String
    /// Paths of the contributing documents, in batch order.
    public let paths: [String]
    /// Per path, what it contributed (attribute classes, categories, person counts).
    public let contributions: [String: [String]]
    /// Corpus documents (from the index) that contributed, by path.
    public let corpus: [String]
    /// The assembled profile, masked: one line per person or category (`pubgate explain` prints it).
    public let details: [String]

    public init(
        rule: String, kind: FindingKind, severity: Severity, message: String, paths: [String], contributions: [String: [String]],
        corpus: [String] = [], details: [String] = []
    ) {
        self.rule = rule
        self.kind = kind
        self.severity = severity
        self.message = message
        self.paths = paths
        self.contributions = contributions
        self.corpus = corpus
        self.details = details
    }

    /// The finding each contributing document carries.
    func finding(for path: String) -> Finding {
        let others = paths.filter { $0 != path }.map { ($0 as NSString).lastPathComponent } + corpus
        let what = contributions[path]?.joined(separator: ", ") ?? ""
        return Finding(
            ruleID: rule, kind: kind, severity: severity,
            message: "\(message); this document contributes \(what)" + (others.isEmpty ? "" : "; with \(others.joined(separator: ", "))"),
            sources: ["S2", "S3", "S30"],
            remediation: "Review the documents together; publish only what does not combine into more than each shows.")
    }
}
