/// The short human summary a reviewer reads on stdout; it names rules and places, never matched text.
public enum SummaryPrinter {
    public static func render(_ manifest: Manifest, outputDirectory: String) -> String {
        var lines: [String] = []
        let s = manifest.summary
        lines.append("pubgate review (as of \(manifest.asOf)): \(s.documents) documents, \(s.approved) approved, \(s.rejected) rejected")
        for doc in manifest.documents where doc.decision == .reject {
            let blocking = doc.findings.filter { Disposition(severity: $0.severity) != nil }
            let rules = Dictionary(grouping: blocking, by: \.ruleID).map { "\($0.key)×\($0.value.count)" }.sorted()
            lines.append("  reject [\(doc.disposition?.rawValue ?? "-")] \(doc.path): \(rules.joined(separator: ", "))")
        }
        lines.append("manifest: \(outputDirectory)/manifest.json (approve.json, reject.json)")
        return lines.joined(separator: "\n")
    }
}
