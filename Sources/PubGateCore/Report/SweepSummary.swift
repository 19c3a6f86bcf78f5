/// The human summary of a sweep: counts, one line per page with its trigger and reason (and the
/// doubt of a review item) — at most `limit` of them, then how many more and where they are all
/// listed —, the plan file to sign off, and what an apply did.
public enum SweepSummary {
    public static func render(
        _ outcome: SweepSession.Outcome, outputDirectory: String, text: ReportText = ReportText(.zh), limit: Int = 20
    ) -> String {
        let plan = outcome.plan
        let counts = [
            "run": outcome.runID, "as_of": plan.asOf.description, "pages": String(plan.pages), "purge": String(plan.purge.count),
            "relabel": String(plan.relabel.count), "review": String(plan.review.count), "unreadable": String(plan.unreadable.count),
        ]
        var lines = [text.text(plan.unreadable.isEmpty ? "sweep.summary" : "sweep.summary_unreadable", counts)]
        if let resumed = outcome.resumed {
            lines.append("finished interrupted run \(resumed.resumedRun ?? "?"): \(resumed.removed.count) removed")
        }
        let items = plan.purge + plan.relabel + plan.review
        for item in items.prefix(limit) {
            var args = [
                "action": item.action.rawValue, "path": DisplayPath.of(item.sitePath).escapingControlCharacters, "rule": item.rule,
                "reason": item.reason, "rendered": String(item.rendered.count),
            ]
            if let doubt = item.evidence["doubt"] {
                args["doubt"] = ElementMasking.maskText(doubt)
                lines.append(text.text("sweep.item_doubt", args))
            } else {
                lines.append(text.text(item.rendered.isEmpty ? "sweep.item" : "sweep.item_rendered", args))
            }
        }
        let lists = ["purge", "relabel", "review"].map { outputDirectory + "/\($0).json" }
        if items.count > limit {
            lines.append(text.text("sweep.more", ["count": String(items.count - limit), "files": lists.joined(separator: ", ")]))
        }
        lines.append("plan: \(DisplayPath.of(outcome.planFile)) (sha256 \(outcome.planSHA256))")
        if outcome.madePlan { lines.append(text.text("sweep.lists", ["purge": lists[0], "relabel": lists[1], "review": lists[2]])) }
        if let archive = outcome.archive ?? outcome.applied?.archive { lines.append("archive: \(archive.path) (verified)") }
        if let applied = outcome.applied {
            lines.append("removed \(applied.removed.count) files" + (applied.staged.isEmpty ? "" : " (staged with git)"))
            if !applied.relabelled.isEmpty { lines.append("relabelled \(applied.relabelled.count) pages") }
            for path in applied.relabelsForCMS { lines.append("relabel in the CMS: \(path) (no front matter 有效性 field)") }
            if !plan.review.isEmpty { lines.append("left for review: \(plan.review.count) pages (never applied)") }
        }
        if let rebuild = outcome.rebuild {
            lines.append("rebuild: `\(rebuild.command.joined(separator: " "))` " + (rebuild.succeeded ? "done" : "FAILED"))
        }
        if let output = outcome.checkedOutput {
            lines.append(
                outcome.staleLinks.isEmpty
                    ? "links: no file under \(output)/ links a removed page"
                    : "links: \(outcome.staleLinks.count) links to removed pages left under \(output)/")
        }
        if let commit = outcome.commit?.commit { lines.append("commit: \(commit)") }
        return lines.joined(separator: "\n")
    }
}
