/// The human summary of a sweep: counts, then one line per page with its trigger and reason.
public enum SweepSummary {
    public static func render(_ plan: SweepPlan, outputDirectory: String) -> String {
        var lines = [
            "pubgate sweep (as of \(plan.asOf)): \(plan.pages) pages, \(plan.purge.count) to purge, \(plan.relabel.count) to relabel"
                + (plan.unreadable.isEmpty ? "" : ", \(plan.unreadable.count) unreadable")
        ]
        for item in plan.purge + plan.relabel {
            let extra = item.rendered.isEmpty ? "" : " (+\(item.rendered.count) rendered)"
            lines.append("  \(item.action.rawValue) \(DisplayPath.of(item.sitePath).escapingControlCharacters): \(item.rule) \(item.reason)\(extra)")
        }
        lines.append("lists: \(outputDirectory)/purge.json, \(outputDirectory)/relabel.json")
        return lines.joined(separator: "\n")
    }
}
