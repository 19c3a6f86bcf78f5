/// The human summary of a sweep: counts, then one line per page with its trigger and reason — at
/// most `limit` of them, then how many more and where they are all listed.
public enum SweepSummary {
    public static func render(_ plan: SweepPlan, outputDirectory: String, text: ReportText = ReportText(.zh), limit: Int = 20) -> String {
        let counts = [
            "as_of": plan.asOf.description, "pages": String(plan.pages), "purge": String(plan.purge.count),
            "relabel": String(plan.relabel.count), "unreadable": String(plan.unreadable.count),
        ]
        var lines = [text.text(plan.unreadable.isEmpty ? "sweep.summary" : "sweep.summary_unreadable", counts)]
        let items = plan.purge + plan.relabel
        for item in items.prefix(limit) {
            let args = [
                "action": item.action.rawValue, "path": DisplayPath.of(item.sitePath).escapingControlCharacters, "rule": item.rule, "reason": item.reason,
                "rendered": String(item.rendered.count),
            ]
            lines.append(text.text(item.rendered.isEmpty ? "sweep.item" : "sweep.item_rendered", args))
        }
        let purgeList = outputDirectory + "/purge.json"
        let relabelList = outputDirectory + "/relabel.json"
        if items.count > limit {
            lines.append(text.text("sweep.more", ["count": String(items.count - limit), "files": purgeList + ", " + relabelList]))
        }
        lines.append(text.text("sweep.lists", ["purge": purgeList, "relabel": relabelList]))
        return lines.joined(separator: "\n")
    }
}
