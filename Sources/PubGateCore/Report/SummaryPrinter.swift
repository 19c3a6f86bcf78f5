/// The short human summary a reviewer reads on stdout: the counts, the rejected documents —
/// strictest first, at most `summaryLimit` of them, then how many more and where they are listed —,
/// the settings files applied, what was not reviewed, and where the manifest is. It names rules and places, never matched text.
public enum SummaryPrinter {
    /// A line of the summary, with the disposition it reports (the terminal colours it).
    public struct Line: Sendable {
        public let text: String
        public let disposition: Disposition?
    }

    public static func lines(_ manifest: Manifest, outputDirectory: String, options: ReportOptions) -> [Line] {
        let text = options.text
        let s = manifest.summary
        var lines = [
            Line(
                text: text.text(
                    "review.summary",
                    [
                        "as_of": manifest.asOf.description, "documents": String(s.documents), "approved": String(s.approved),
                        "rejected": String(s.rejected),
                    ]),
                disposition: nil)
        ]
        let rejected = manifest.digests.indices.filter { manifest.digests[$0].decision == .reject }
            .sorted { (rank(manifest.digests[$0].disposition), $0) < (rank(manifest.digests[$1].disposition), $1) }
        for i in rejected.prefix(options.summaryLimit) {
            let doc = manifest.digests[i]
            let rules = doc.blocking.map { "\($0.key)×\($0.value)" }.sorted()
            lines.append(
                Line(
                    text: text.text(
                        "review.rejected",
                        [
                            "disposition": doc.disposition.map { text.disposition($0) } ?? "-", "path": doc.path.escapingControlCharacters,
                            "rules": rules.joined(separator: ", "),
                        ]),
                    disposition: doc.disposition))
        }
        if rejected.count > options.summaryLimit {
            lines.append(
                Line(
                    text: text.text(
                        "review.more_rejected", ["count": String(rejected.count - options.summaryLimit), "file": outputDirectory + "/reject.json"]),
                    disposition: nil))
        }
        for file in manifest.settings {
            lines.append(
                Line(
                    text: text.text(
                        "review.settings",
                        ["path": file.path.escapingControlCharacters, "role": file.role.rawValue, "sha256": String(file.sha256.prefix(12))]),
                    disposition: nil))
        }
        for exclusion in manifest.excluded {
            lines.append(
                Line(
                    text: text.text(
                        "review.excluded",
                        ["path": exclusion.path.escapingControlCharacters, "reason": exclusion.reasonID.map { text.text($0) } ?? exclusion.reason]),
                    disposition: nil))
        }
        lines.append(Line(text: text.text("review.manifest", ["file": outputDirectory + "/manifest.json"]), disposition: nil))
        return lines
    }

    /// The summary as one text.
    static func render(_ manifest: Manifest, outputDirectory: String, options: ReportOptions = ReportOptions()) -> String {
        lines(manifest, outputDirectory: outputDirectory, options: options).map(\.text).joined(separator: "\n")
    }

    /// Strictest first: block, review, fix.
    static func rank(_ d: Disposition?) -> Int {
        switch d {
        case .block: 0
        case .review: 1
        case .fix: 2
        case nil: 3
        }
    }
}
