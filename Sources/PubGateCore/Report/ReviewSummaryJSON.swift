import Foundation

/// What `pubgate review --json` prints on stdout instead of the human lines: the counts, every
/// rejected document with its reasons, the unreadable ones, stale suppressions and the files
/// written. Rule ids, kinds and dispositions are the manifest's machine values; messages are in the
/// report's language. It names rules and paths, never matched text.
public struct ReviewSummaryJSON: Encodable {
    let manifest: Manifest
    let outputs: [String]
    let text: ReportText

    public init(_ manifest: Manifest, outputs: [String], text: ReportText) {
        self.manifest = manifest
        self.outputs = outputs
        self.text = text
    }

    struct Rejected: Encodable {
        let path: String
        let disposition: Disposition?
        let reasons: [String]
        /// Findings per rule that stop the document.
        let rules: [String: Int]
    }

    struct Problem: Encodable {
        let path: String
        let rule: String
        let message: String
    }

    enum CodingKeys: String, CodingKey {
        case language, summary, rejected, unscannable, outputs
        case staleSuppressions = "stale_suppressions"
        case batchFindings = "batch_findings"
    }

    public func encode(to encoder: any Encoder) throws {
        try SummaryHeader(command: "review", version: manifest.version, asOf: manifest.asOf).encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text.language, forKey: .language)
        try c.encode(manifest.summary, forKey: .summary)
        let rejected = manifest.digests.filter { $0.decision == .reject }
        try c.encode(
            rejected.map { Rejected(path: $0.path, disposition: $0.disposition, reasons: $0.reasons, rules: $0.blocking) }, forKey: .rejected)
        try c.encode(
            manifest.digests.flatMap { d in d.unscannable.map { Problem(path: d.path, rule: $0.ruleID, message: text.message($0)) } },
            forKey: .unscannable)
        try c.encode(manifest.batchFindings.count, forKey: .batchFindings)
        try c.encode(manifest.staleSuppressions, forKey: .staleSuppressions)
        try c.encode(outputs, forKey: .outputs)
    }

    /// The JSON, pretty and with sorted keys, ending in a newline.
    public func encoded() throws -> Data { try AtomicWriter.encodeJSON(self) }
}
