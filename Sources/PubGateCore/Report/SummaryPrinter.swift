/// The short human summary a reviewer reads on stdout; it names rules and places, never matched text.
public enum SummaryPrinter {
    public static func render(_ manifest: Manifest, outputDirectory: String) -> String {
        var lines: [String] = []
        let s = manifest.summary
        lines.append("pubgate review (as of \(manifest.asOf)): \(s.documents) documents, \(s.approved) approved, \(s.rejected) rejected")
        for doc in manifest.digests where doc.decision == .reject {
            let rules = doc.blocking.map { "\($0.key)×\($0.value)" }.sorted()
            lines.append("  reject [\(doc.disposition?.rawValue ?? "-")] \(doc.path.escapingControlCharacters): \(rules.joined(separator: ", "))")
        }
        for file in manifest.settings {
            lines.append("settings: \(file.path.escapingControlCharacters) (\(file.role.rawValue), sha256 \(file.sha256.prefix(12))…)")
        }
        for exclusion in manifest.excluded {
            lines.append("not reviewed: \(exclusion.path.escapingControlCharacters) (\(exclusion.reason))")
        }
        lines.append("manifest: \(outputDirectory)/manifest.json (approve.json, reject.json)")
        return lines.joined(separator: "\n")
    }
}
