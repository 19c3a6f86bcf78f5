import Foundation

/// `sweep --apply --git`: commits what the run staged (the `git rm` of removed pages, the `git add`
/// of relabelled ones) — those paths only, whatever else the index holds — as the configured
/// author, with a message naming the run, the plan and the 文号 of every page it touched. The
/// repository's own hooks run as for any commit.
public enum SweepCommit {
    public struct Result: Sendable {
        /// The new commit, nil when git refused (the reason in `error`).
        public let commit: String?
        public let error: String?
    }

    /// The commit message. 文号 are masked like the manifest's elements (runs of seven or more
    /// digits) and paths as every output shows them (``DisplayPath``), so no identifier a page may
    /// carry reaches the history unmasked.
    static func message(
        runID: String, plan: SweepPlan, planSHA256: String?, removed: [SweepItem], relabelled: [SweepItem], archive: String?
    ) -> String {
        func number(_ item: SweepItem) -> String { item.documentNumber.map { ElementMasking.maskDigitRuns($0) } ?? "无文号" }
        var lines = [
            "pubgate sweep: remove \(removed.count) \(removed.count == 1 ? "page" : "pages"), relabel \(relabelled.count) (\(runID))", "",
            "Run: \(runID)", "Plan: \(plan.runID)" + (planSHA256.map { " (sha256 \($0))" } ?? ""), "As of: \(plan.asOf)",
        ]
        if let archive { lines.append("Archive: \((archive as NSString).lastPathComponent)") }
        let numbers = (removed + relabelled).compactMap(\.documentNumber).map { ElementMasking.maskDigitRuns($0) }
        if !numbers.isEmpty { lines.append("文号: " + numbers.joined(separator: ", ")) }
        if !removed.isEmpty {
            lines += ["", "Removed:"] + removed.map { "  \(DisplayPath.of($0.sitePath))  \(number($0))  \($0.rule) \($0.reason)" }
        }
        if !relabelled.isEmpty {
            lines += ["", "Relabelled:"] + relabelled.map { "  \(DisplayPath.of($0.sitePath))  \(number($0))  \($0.rule) \($0.label ?? "")" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Commits `paths` of the repository holding `root` as `author` (`Name <email>`).
    static func commit(root: String, paths: [String], author: String, message: String) -> Result {
        let (name, email) = parse(author)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = name
        environment["GIT_AUTHOR_EMAIL"] = email
        environment["GIT_COMMITTER_NAME"] = name
        environment["GIT_COMMITTER_EMAIL"] = email
        let run = ChildProcess.run(
            ["git", "-C", root, "commit", "--quiet", "--file=-", "--"] + paths, input: Array(message.utf8), environment: environment)
        guard run.status == 0 else {
            let why = (run.launchFailure ?? String(decoding: run.stderr + run.stdout, as: UTF8.self)).trimmingCharacters(in: .whitespacesAndNewlines)
            return Result(commit: nil, error: why.isEmpty ? "git commit exited \(run.status)" : why)
        }
        let head = ChildProcess.git(["rev-parse", "HEAD"], in: root)
        return Result(commit: head.text.trimmingCharacters(in: .whitespacesAndNewlines), error: nil)
    }

    /// `Name <email>` → (name, email); a bare name gets an address at localhost.
    static func parse(_ author: String) -> (String, String) {
        guard let lt = author.firstIndex(of: "<"), let gt = author.lastIndex(of: ">"), lt < gt else {
            let name = author.trimmingCharacters(in: .whitespaces)
            return (name.isEmpty ? "pubgate sweep" : name, "pubgate-sweep@localhost")
        }
        return (
            author[..<lt].trimmingCharacters(in: .whitespaces),
            author[author.index(after: lt)..<gt].trimmingCharacters(in: .whitespaces)
        )
    }
}
