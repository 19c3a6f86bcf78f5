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
            lines.append(text.text("sweep.resumed", ["run": resumed.resumedRun ?? "?", "removed": String(resumed.removed.count)]))
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
        lines.append(text.text("sweep.plan", ["file": DisplayPath.of(outcome.planFile), "sha256": outcome.planSHA256]))
        if outcome.madePlan { lines.append(text.text("sweep.lists", ["purge": lists[0], "relabel": lists[1], "review": lists[2]])) }
        if let archive = outcome.archive ?? outcome.applied?.archive { lines.append(text.text("sweep.archive", ["file": archive.path])) }
        if let applied = outcome.applied {
            // What this run removed: an interrupted apply it finished (this plan's, or an older one's) too.
            let removed = ["count": String(applied.removed.count + (outcome.resumed?.removed.count ?? 0))]
            lines.append(applied.staged.isEmpty ? text.text("sweep.removed", removed) : text.text("sweep.removed_staged", removed))
            if !applied.relabelled.isEmpty { lines.append(text.text("sweep.relabelled", ["count": String(applied.relabelled.count)])) }
            for path in applied.relabelsForCMS { lines.append(text.text("sweep.relabel_in_cms", ["path": path])) }
            if !plan.review.isEmpty { lines.append(text.text("sweep.left_for_review", ["count": String(plan.review.count)])) }
        }
        if let rebuild = outcome.rebuild {
            let command = ["command": rebuild.command.joined(separator: " ")]
            lines.append(rebuild.succeeded ? text.text("sweep.rebuild_done", command) : text.text("sweep.rebuild_failed", command))
        }
        if let output = outcome.checkedOutput {
            lines.append(
                outcome.staleLinks.isEmpty
                    ? text.text("sweep.links_none", ["output": output])
                    : text.text("sweep.links_stale", ["count": String(outcome.staleLinks.count), "output": output]))
        }
        if let commit = outcome.commit?.commit { lines.append(text.text("sweep.commit", ["commit": commit])) }
        return lines.joined(separator: "\n")
    }
}
