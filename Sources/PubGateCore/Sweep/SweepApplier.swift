import ArchiveKit
import Foundation

/// `pubgate sweep --apply`: removes what the plan purges, never before its archive is written,
/// fsynced and verified, journaling each step (``SweepJournal``) so a kill at any point loses
/// nothing and the next run finishes the job.
///
/// Safety: every path deleted must resolve inside the site root (no symlink leads out); a file
/// whose bytes changed since it was archived is kept and reported; with `git` the removal is
/// staged with `git rm` instead of a plain unlink.
public struct SweepApplier: Sendable {
    let layout: SiteLayout
    let outDirectory: String
    let useGit: Bool
    let log: OperationsLog
    let journal: SweepJournal

    init(layout: SiteLayout, outDirectory: String, useGit: Bool, log: OperationsLog) {
        self.layout = layout
        // Absolute, so the journal names the archive wherever the next run is started from.
        self.outDirectory = URL(fileURLWithPath: outDirectory).standardizedFileURL.path
        self.useGit = useGit
        self.log = log
        self.journal = SweepJournal(path: (self.outDirectory as NSString).appendingPathComponent("journal.jsonl"))
    }

    /// What an apply did.
    public struct Outcome: Sendable {
        var resumedRun: String?
        /// The sweep plan the resumed run was applying.
        var resumedPlan: String?
        var archive: SweepArchive.Written?
        /// Site paths removed.
        var removed: [String] = []
        /// Pages whose front matter now carries the relabel.
        var relabelled: [String] = []
        /// Relabels left to the CMS (no front matter validity field), as displayed.
        var relabelsForCMS: [String] = []
        /// Files kept because they changed since they were archived, or could not be removed, as displayed.
        public var kept: [String] = []
        /// Paths staged with git (removals and relabels), for the `--git` commit.
        var staged: [String] = []
    }

    /// Finishes the last interrupted run, if any: deletes the rest of its files if its archive
    /// verifies; abandons it otherwise (nothing of it was deleted before its archive existed).
    /// The journal names files as reports do (``DisplayPath``); the files to delete are the
    /// archive's own payload, whose names it matches. A journal written before archive paths were
    /// absolute names the archive relative to where that run started: it is looked for in OUT.
    func resume() throws -> Outcome? {
        guard let run = journal.unfinishedRun(), let plan = run.first(where: { $0.event == "plan" }) else { return nil }
        var outcome = Outcome(resumedRun: plan.run, resumedPlan: plan.planRun)
        let archived = run.first { $0.event == "archived" }
        let fm = FileManager.default
        let archive = archived?.path.map { path in
            fm.fileExists(atPath: path) ? path : (outDirectory as NSString).appendingPathComponent((path as NSString).lastPathComponent)
        }
        guard let archive, fm.fileExists(atPath: archive), BagVerifier.verify(archive: archive).isEmpty,
            let payload = try? Self.payload(of: archive, run: plan.run)
        else {
            try journal.append(.init(event: "abandoned", run: plan.run))
            log.log(
                "warn", action: "resume", outcome: "failure", message: "interrupted run had no verified archive; nothing of it was deleted",
                fields: ["pubgate.resumed_run": .text(plan.run)])
            return outcome
        }
        let removed = Set(run.filter { $0.event == "removed" }.compactMap(\.path))
        for file in plan.files ?? [] where !removed.contains(file.path) {
            // Journals written before paths were masked name the file itself.
            guard let real = payload.first(where: { ($0.path == file.path || DisplayPath.of($0.path) == file.path) && $0.sha256 == file.sha256 })
            else {
                outcome.kept.append(file.path)
                continue
            }
            try remove(real, run: plan.run, item: nil, outcome: &outcome)
        }
        try journal.append(.init(event: "done", run: plan.run))
        log.log(
            action: "resume", message: "finished interrupted run",
            fields: ["pubgate.resumed_run": .text(plan.run), "pubgate.removed": .count(outcome.removed.count)])
        return outcome
    }

    /// Archives and removes the plan's purged pages and their rendered output.
    func apply(_ plan: SweepPlan, organization: String, agent: String) throws -> Outcome {
        var outcome = Outcome()
        guard !plan.purge.isEmpty else { return outcome }
        let bag = try BagIt.build(plan: plan, layout: layout, organization: organization, agent: agent)
        var files: [SweepJournal.PlannedFile] = []
        for entry in bag.entries where entry.path.hasPrefix(bag.name + "/data/") {
            files.append(.init(path: String(entry.path.dropFirst(bag.name.count + "/data/".count)), sha256: BagIt.sha256(entry.data)))
        }
        try journal.append(.init(event: "plan", run: bag.name, archive: bag.name + ".tar.gz", files: files.map(\.displayed), planRun: plan.runID))
        let written = try SweepArchive.write(bag, to: outDirectory, mtime: plan.asOf.shanghaiMidnight)
        outcome.archive = written
        try journal.append(.init(event: "archived", run: bag.name, sha256: written.sha256, path: written.path))
        log.log(
            action: "archive", message: "archive written and verified",
            fields: ["file.path": .text(written.path), "file.hash.sha256": .text(written.sha256), "pubgate.files": .count(files.count)])
        var owners: [String: SweepItem] = [:]
        for item in plan.purge {
            owners[item.sitePath] = item
            for rendered in item.rendered { owners[rendered] = item }
        }
        for file in files { try remove(file, run: bag.name, item: owners[file.path], outcome: &outcome) }
        try journal.append(.init(event: "done", run: bag.name))
        return outcome
    }

    /// Writes each relabel's 有效性 into the page's front matter (atomically, journaled); a page
    /// already carrying the label is left alone, so a rerun changes nothing.
    func relabel(_ items: [SweepItem], run: String, outcome: inout Outcome) throws {
        for item in items {
            guard let label = item.label else { continue }
            let full = (layout.root as NSString).appendingPathComponent(item.sitePath)
            guard let data = FileManager.default.contents(atPath: full) else {
                outcome.kept.append(DisplayPath.of(item.sitePath))
                continue
            }
            guard BagIt.sha256(Array(data)) == item.sha256 else {
                // Changed since judged: kept, unless the change is this very relabel (a rerun).
                if FrontMatterRelabel.relabel(Array(data), to: label) != Array(data) { outcome.kept.append(DisplayPath.of(item.sitePath)) }
                continue
            }
            guard let edited = FrontMatterRelabel.relabel(Array(data), to: label) else {
                outcome.relabelsForCMS.append(DisplayPath.of(item.sitePath))
                continue
            }
            guard edited != Array(data) else { continue }
            try AtomicWriter.write(Data(edited), to: full)
            if useGit, git(["add", "--", item.sitePath]) { outcome.staged.append(item.sitePath) }
            try journal.append(.init(event: "relabelled", run: run, sha256: item.sha256, path: DisplayPath.of(item.sitePath)))
            outcome.relabelled.append(item.sitePath)
            log.log(action: "relabel", message: "有效性 set to \(label)", fields: OperationsLog.fields(of: item))
        }
    }

    /// Removes one archived file (`item` is the plan entry it belongs to, nil when finishing an
    /// interrupted run from its journal).
    private func remove(_ file: SweepJournal.PlannedFile, run: String, item: SweepItem?, outcome: inout Outcome) throws {
        let full = (layout.root as NSString).appendingPathComponent(file.path)
        let fm = FileManager.default
        let shown = DisplayPath.of(file.path)
        guard fm.fileExists(atPath: full) else {
            try journal.append(.init(event: "removed", run: run, path: shown))
            return
        }
        let root = URL(fileURLWithPath: layout.root).resolvingSymlinksInPath().standardizedFileURL.path
        let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root + "/"), let data = fm.contents(atPath: full), BagIt.sha256(Array(data)) == file.sha256 else {
            outcome.kept.append(shown)
            var fields = item.map(OperationsLog.fields(of:)) ?? [:]
            fields["file.path"] = .text(shown)
            log.log("error", action: "purge", outcome: "failure", message: "kept: outside the site or changed since it was archived", fields: fields)
            return
        }
        if useGit, git(["rm", "-q", "--", file.path]) {
            outcome.staged.append(file.path)
        } else {
            try fm.removeItem(atPath: full)
        }
        removeEmptyRenderedFolders(above: file.path)
        try journal.append(.init(event: "removed", run: run, path: shown))
        outcome.removed.append(file.path)
        var fields = item.map(OperationsLog.fields(of:)) ?? [:]
        fields["file.path"] = .text(shown)
        log.log(action: "purge", message: "removed", fields: fields)
    }

    /// The files a verified archive holds (its payload, by site path, with their sha256).
    static func payload(of archive: String, run: String) throws -> [SweepJournal.PlannedFile] {
        var files: [SweepJournal.PlannedFile] = []
        let prefix = run + "/data/"
        try TarGzReader.forEachFile(in: archive) { entry in
            let path = entry.path.hasPrefix("./") ? String(entry.path.dropFirst(2)) : entry.path
            if path.hasPrefix(prefix) { files.append(.init(path: String(path.dropFirst(prefix.count)), sha256: BagIt.sha256(entry.data))) }
        }
        return files
    }

    /// A rendered page lives in its own folder (`public/x/index.html`); once empty it goes too, up to
    /// the publish folder itself. Source folders are left alone.
    private func removeEmptyRenderedFolders(above relative: String) {
        guard let publish = layout.publishDir, relative.hasPrefix(publish + "/") else { return }
        var dir = (relative as NSString).deletingLastPathComponent
        let fm = FileManager.default
        while dir != publish, dir.hasPrefix(publish + "/") {
            let full = (layout.root as NSString).appendingPathComponent(dir)
            guard let items = try? fm.contentsOfDirectory(atPath: full), items.isEmpty, (try? fm.removeItem(atPath: full)) != nil else {
                return
            }
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    /// Runs git in the site (`rm` stages a removal, `add` a relabel); false when git cannot (file not
    /// tracked, no repository).
    private func git(_ arguments: [String]) -> Bool {
        ChildProcess.git(arguments, in: layout.root).status == 0
    }

}
