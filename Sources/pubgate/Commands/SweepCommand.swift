import ArgumentParser
import Foundation
import ArchiveKit
import PubGateCore

/// `pubgate sweep`: the nightly expiry sweep of the published site.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Find expired, repealed and superseded pages; archive and remove them with --apply.",
        discussion: """
            A dry run by default: writes OUT/purge.json (pages to remove, with the trigger and its
            evidence) and OUT/relabel.json (pages to keep but mark), and prints a summary.
            --archive also writes the BagIt archive OUT/pubgate-sweep-<date>-<id>.tar.gz (+ .sha256).
            --apply archives, verifies, then removes the purged pages and their rendered output,
            journaling every step in OUT/journal.jsonl; an interrupted apply is finished by the next.

            The summary is in Chinese unless --lang en; --json prints one JSON object instead (the
            pages due, the lists, and after --apply what was archived, removed and kept). On a
            terminal a progress line shows on stderr once reading the site takes more than a second.

            Exit: 0 nothing due (or everything applied), 1 something due (dry run) or kept,
            65 a page could not be read (never purged), 73 the archive could not be written,
            75 another sweep holds the lock, 78 broken rules or settings.

            Example:
              pubgate sweep site/ --as-of 2025-06-30 --out sweep-out
              pubgate sweep site/ --out /var/lib/pubgate --apply --log /var/log/pubgate/sweep.jsonl
            """)

    @Argument(help: "The published site (a Hugo site root or a folder of pages).")
    var site: String

    @Option(name: .long, help: "Folder for purge.json, relabel.json, the archive and the journal.")
    var out: String

    @Option(name: .long, help: "Sweep date YYYY-MM-DD (default: today in Asia/Shanghai).")
    var asOf: SimpleDate?

    @Flag(name: .long, help: "Write the BagIt archive of the pages to purge.")
    var archive = false

    @Flag(name: .long, help: "Archive, verify, then remove the purged pages.")
    var apply = false

    @Flag(name: .long, help: "With --apply, stage removals with git rm instead of deleting.")
    var git = false

    @Option(name: .long, help: "Append a JSON Lines operations log to this file.")
    var log: String?

    @Option(name: .long, help: "With --apply, mark purged pages in this corpus index (default: .pubgate/index.sqlite at the repository root when present).")
    var index: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        let root = URL(fileURLWithPath: site).resolvingSymlinksInPath().standardizedFileURL.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("\(site) is not a folder")
        }
        guard root != "/", root != NSHomeDirectory() else { throw ValidationError("refusing to sweep \(root)") }
        if git && !apply { throw ValidationError("--git only makes sense with --apply") }
    }

    func run() throws {
        let (configuration, _) = try ruleOptions.load(root: RepositoryRoot.find(for: [site]))
        let expiry = try ruleOptions.loadExpiry()
        let date = asOf ?? SimpleDate.today()
        guard let lock = try? RunLock(path: out + "/.pubgate-sweep.lock") else {
            FileHandle.standardError.write(Data("error: another pubgate sweep is running on \(out)\n".utf8))
            throw ExitStatus.locked
        }
        defer { withExtendedLifetime(lock) {} }
        let layout = SiteLayout(root: site)
        if git, !Self.isInsideGitWorkTree(site) {
            FileHandle.standardError.write(Data("error: --git: \(site) is not inside a git work tree\n".utf8))
            throw ExitStatus.usage
        }
        let log = try OperationsLog(path: self.log, runID: "sweep-\(date)")
        let applier = SweepApplier(layout: layout, outDirectory: out, useGit: git, log: log)
        let text = ReportText(output.lang)
        // With --json stdout carries one JSON object, written at the end.
        let say = { (line: String) in if !output.json { print(line) } }
        var kept: [String] = []
        if apply, let resumed = try applier.resume() {
            say("finished interrupted run \(resumed.resumedRun ?? "?"): \(resumed.removed.count) removed")
            kept += resumed.kept
        }
        let bar = ProgressLine(enabled: true, text: text)
        defer { bar.finish() }
        let plan = SweepRun(configuration: configuration, expiry: expiry, asOf: date).plan(site: site) { bar.update($0) }
        bar.finish()
        log.log(action: "plan", message: "sweep planned", fields: ["pubgate.purge": "\(plan.purge.count)", "pubgate.relabel": "\(plan.relabel.count)"])
        do {
            let output = try OutputSet(in: out, name: "sweep")
            try AtomicWriter.writeJSON(plan.purgeList, to: output.path("purge.json"))
            try AtomicWriter.writeJSON(plan.relabelList, to: output.path("relabel.json"))
            try output.commit()
        } catch {
            FileHandle.standardError.write(Data("error: \(WriteError(path: out, error: error))\n".utf8))
            throw ExitStatus.cannotWrite
        }
        say(SweepSummary.render(plan, outputDirectory: out, text: text))
        var summary = SweepSummaryJSON(plan, lists: [out + "/purge.json", out + "/relabel.json"])
        for (path, reason) in plan.unreadable.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("error: \(DisplayPath.of(path)): \(reason); not judged, never purged\n".utf8))
            log.log("error", action: "plan", outcome: "failure", message: "unreadable page", fields: ["file.path": DisplayPath.of(path)])
        }
        let organization = configuration.settings.archive.sourceOrganization ?? layout.title
            ?? URL(fileURLWithPath: site).standardizedFileURL.lastPathComponent
        let agent = "pubgate \(PubGate.version)"
        do {
            if apply {
                var outcome = try applier.apply(plan, organization: organization, agent: agent)
                try applier.relabel(plan.relabel, run: "relabel-\(date)", outcome: &outcome)
                if let written = outcome.archive { say("archive: \(written.path) (verified)") }
                summary.archive = outcome.archive?.path
                summary.removed = outcome.removed.count
                summary.relabelled = outcome.relabelled.count
                if !outcome.removed.isEmpty, let store = try IndexOptions.open(explicit: index, defaultIn: RepositoryRoot.find(for: [site]).path) {
                    // The index records paths as displayed.
                    let purged = plan.purge.filter { outcome.removed.contains($0.sitePath) }.map { DisplayPath.of($0.path) }
                    do {
                        let writable = try CorpusIndex(path: store.path, create: true)
                        try writable.mark(purged, status: "purged")
                    } catch {
                        FileHandle.standardError.write(Data("error: index \(error.description)\n".utf8))
                        throw ExitStatus.ioError
                    }
                }
                say("removed \(outcome.removed.count) files" + (git ? " (staged with git rm)" : ""))
                if !outcome.relabelled.isEmpty { say("relabelled \(outcome.relabelled.count) pages") }
                for path in outcome.relabelsForCMS { say("relabel in the CMS: \(path) (no front matter 有效性 field)") }
                kept += outcome.kept
            } else if archive, !plan.purge.isEmpty {
                let bag = try BagIt.build(plan: plan, layout: layout, organization: organization, agent: agent)
                let written = try SweepArchive.write(bag, to: out, mtime: date.shanghaiMidnight)
                say("archive: \(written.path) (verified)")
                summary.archive = written.path
                log.log(action: "archive", message: "archive written and verified", fields: ["file.path": written.path])
            }
        } catch let error as ArchiveError {
            FileHandle.standardError.write(Data("error: archive: \(error.message); nothing was removed that is not archived\n".utf8))
            log.log("error", action: "archive", outcome: "failure", message: error.message)
            throw ExitStatus.cannotWrite
        }
        for path in kept { FileHandle.standardError.write(Data("error: \(path): kept (changed since archived, or outside the site)\n".utf8)) }
        if output.json {
            summary.kept = kept
            FileHandle.standardOutput.write(try summary.encoded())
        }
        if !plan.unreadable.isEmpty { throw ExitStatus.unreadableInput }
        if !kept.isEmpty || (!apply && plan.isDue) { throw ExitStatus.rejected }
    }

    static func isInsideGitWorkTree(_ path: String) -> Bool {
        Subprocess.git(["rev-parse", "--is-inside-work-tree"], in: path).status == 0
    }

}
