import ArchiveKit
import Crypto
import Foundation

/// One `pubgate sweep` run, start to end, under the output folder's lock: plan the site (or load
/// the plan a person signed off and check the site is still as it was judged), write the plan and
/// its lists, and with `apply` archive and remove, relabel, mark the corpus index, rebuild the
/// site, look for files still linking removed pages, and commit. The command line only reports.
public struct SweepSession: Sendable {
    public struct Request: Sendable {
        var site: String
        var out: String
        var asOf: SimpleDate
        /// Write the BagIt archive of a dry run.
        public var archive = false
        /// Carry out the plan: the one in `planFile`, else the one this run makes (unattended).
        public var apply = false
        public var planFile: String?
        public var git = false
        public var logFile: String?
        /// The corpus index to mark purged pages in (it must exist); nil: `defaultIndexPath` when present.
        public var indexPath: String?
        public var defaultIndexPath: String?
        /// `Bag-Software-Agent`.
        var agent: String
        /// Told how far reading the site has come (the CLI's progress line).
        public var progress: (@Sendable (ReviewProgress) -> Void)?

        public init(site: String, out: String, asOf: SimpleDate, agent: String) {
            self.site = site
            self.out = out
            self.asOf = asOf
            self.agent = agent
        }
    }

    public struct Outcome: Sendable {
        let runID: String
        public let plan: SweepPlan
        /// The plan file written or applied, and its SHA-256.
        let planFile: String
        let planSHA256: String
        /// True when this run made the plan (and wrote it with its lists); false for `--apply PLAN`.
        var madePlan: Bool { runID == plan.runID }
        /// An interrupted earlier apply this run finished first.
        public var resumed: SweepApplier.Outcome?
        public var applied: SweepApplier.Outcome?
        /// The archive of a dry run with `archive`.
        var archive: SweepArchive.Written?
        public var rebuild: SiteRebuild.Result?
        /// Rendered files still linking a removed page (after the rebuild, if any).
        public var staleLinks: [StaleLinkCheck.Link] = []
        /// The folder the links were looked for in, nil when the site has none.
        var checkedOutput: String?
        public var commit: SweepCommit.Result?

        /// Files kept, links left, a failed rebuild or commit: the run needs a person.
        public var needsAttention: Bool {
            !((resumed?.kept ?? []) + (applied?.kept ?? [])).isEmpty || !staleLinks.isEmpty || rebuild?.succeeded == false
                || (commit != nil && commit?.commit == nil)
        }
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// Another sweep holds the output folder's lock.
        case locked
        /// The plan file cannot be used, or the site changed since it was made.
        case plan(String)
        case notGitTree(String)
        /// The archive could not be written or verified: nothing was removed that is not archived.
        case archive(String)
        case cannotWrite(String)
        case index(String)

        public var description: String {
            switch self {
            case .locked: "another pubgate sweep is running on this output folder"
            case .plan(let m), .notGitTree(let m), .cannotWrite(let m), .index(let m): m
            case .archive(let m): "archive: \(m); nothing was removed that is not archived"
            }
        }
    }

    let configuration: ReviewConfiguration

    public init(configuration: ReviewConfiguration) {
        self.configuration = configuration
    }

    public func run(_ request: Request) throws(Failure) -> Outcome {
        let lock: RunLock?
        do {
            lock = try RunLock(path: (request.out as NSString).appendingPathComponent(".pubgate-sweep.lock"))
        } catch {
            throw .cannotWrite("\(WriteError(path: request.out, error: error))")
        }
        guard let lock else { throw .locked }
        defer { withExtendedLifetime(lock) {} }
        let runID = OperationsLog.newRunID()
        let log: OperationsLog
        do {
            log = try OperationsLog(path: request.logFile, runID: runID)
        } catch {
            throw .cannotWrite("\(WriteError(path: request.logFile ?? "", error: error))")
        }
        let layout = SiteLayout(root: request.site)
        if request.git, ChildProcess.git(["rev-parse", "--is-inside-work-tree"], in: request.site).status != 0 {
            throw .notGitTree("--git: \(request.site) is not inside a git work tree")
        }
        let applier = SweepApplier(layout: layout, outDirectory: request.out, useGit: request.git, log: log)
        var resumed: SweepApplier.Outcome?
        if request.apply {
            do { resumed = try applier.resume() } catch { throw Self.failure(error, out: request.out) }
        }
        let (plan, planFile, planSHA, purged) = try obtainPlan(
            request, layout: layout, runID: runID, resumed: resumed, journal: applier.journal, log: log)
        var outcome = Outcome(runID: runID, plan: plan, planFile: planFile, planSHA256: planSHA)
        outcome.resumed = resumed
        let organization =
            configuration.settings.archive.sourceOrganization ?? layout.title
            ?? URL(fileURLWithPath: request.site).standardizedFileURL.lastPathComponent
        if request.apply {
            try apply(plan, request, layout: layout, applier: applier, purged: purged, organization: organization, log: log, outcome: &outcome)
        } else if request.archive, !plan.purge.isEmpty {
            do {
                let bag = try BagIt.build(plan: plan, layout: layout, organization: organization, agent: request.agent)
                outcome.archive = try SweepArchive.write(bag, to: request.out, mtime: plan.asOf.shanghaiMidnight)
            } catch { throw .archive(error.message) }
            log.log(action: "archive", message: "archive written and verified", fields: ["file.path": .text(outcome.archive!.path)])
        }
        log.log(
            action: "end", outcome: outcome.needsAttention ? "failure" : "success", message: "sweep finished",
            fields: [
                "pubgate.removed": .count(outcome.applied?.removed.count ?? 0), "pubgate.relabelled": .count(outcome.applied?.relabelled.count ?? 0),
                "pubgate.kept": .count((outcome.resumed?.kept.count ?? 0) + (outcome.applied?.kept.count ?? 0)),
                "pubgate.stale_links": .count(outcome.staleLinks.count), "pubgate.unreadable": .count(plan.unreadable.count),
            ])
        return outcome
    }

    /// The plan to act on: the signed-off file (checked against the site as it is now), or a new
    /// one written with its lists. `purged` is true when an earlier run of the same signed-off
    /// plan already removed its pages (it was interrupted and just finished, or it completed): the
    /// site changed by the plan's own hand, so only what is left (the relabels) is carried out.
    private func obtainPlan(
        _ request: Request, layout: SiteLayout, runID: String, resumed: SweepApplier.Outcome?, journal: SweepJournal, log: OperationsLog
    ) throws(Failure) -> (plan: SweepPlan, file: String, sha256: String, purged: Bool) {
        if let file = request.planFile {
            return try signedOffPlan(file, request, layout: layout, resumed: resumed, journal: journal, log: log)
        }
        let (plan, file, sha) = try newPlan(request, layout: layout, runID: runID, log: log)
        return (plan, file, sha, false)
    }

    /// The signed-off plan in `file`, its pages found again on the site; refused when the site
    /// changed since it was made (unless by the plan's own removals).
    private func signedOffPlan(
        _ file: String, _ request: Request, layout: SiteLayout, resumed: SweepApplier.Outcome?, journal: SweepJournal, log: OperationsLog
    ) throws(Failure) -> (plan: SweepPlan, file: String, sha256: String, purged: Bool) {
        let plan: SweepPlan
        switch SweepPlan.load(file) {
        case .success(let p): plan = p
        case .failure(let e): throw .plan(e.description)
        }
        // The plan names its site by canonical path, displayed like every path of an output.
        guard DisplayPath.of(InputCollector.canonical(request.site)) == plan.site else {
            throw .plan("the plan was made for \(plan.site), not \(DisplayPath.of(request.site))")
        }
        let purged = !plan.purge.isEmpty && (resumed?.resumedPlan == plan.runID || journal.completed(plan: plan.runID))
        let pages = IndexRun.pages(in: layout)
        // Each page read and hashed once, for the site's state and for finding the plan's items.
        let digests = SiteState.digests(of: pages)
        let now = SiteState.capture(layout: layout, pages: pages, digests: digests)
        if !purged, let change = now.change(since: plan.siteState) {
            log.log(
                "error", action: "plan", outcome: "failure", message: "plan refused: \(change)", fields: ["pubgate.plan_run_id": .text(plan.runID)])
            throw .plan("refusing \(DisplayPath.of(file)): \(change); make a new plan and have it signed off again")
        }
        let real: SweepPlan
        switch plan.resolved(root: request.site, layout: layout, digests: digests, lenient: purged) {
        case .success(let p): real = p
        case .failure(let e): throw .plan("refusing \(DisplayPath.of(file)): \(e.description)")
        }
        let sha = FileManager.default.contents(atPath: file).map { Hex.encode(SHA256.hash(data: $0)) } ?? ""
        log.log(
            action: "plan", message: purged ? "finishing a signed-off plan whose pages were removed by an earlier run" : "applying a signed-off plan",
            fields: ["pubgate.plan_run_id": .text(plan.runID), "file.hash.sha256": .text(sha)])
        return (real, file, sha, purged)
    }

    /// A new plan of the site, written with its lists as one output set and logged item by item.
    private func newPlan(_ request: Request, layout: SiteLayout, runID: String, log: OperationsLog) throws(Failure) -> (
        plan: SweepPlan, file: String, sha256: String
    ) {
        let plan = SweepRun(configuration: configuration, asOf: request.asOf).plan(layout, runID: runID, progress: request.progress)
        // One output set: a reader finds this run's plan and lists together, or the last run's.
        let file = (request.out as NSString).appendingPathComponent("plan.json")
        do {
            let output = try OutputSet(in: request.out, name: "sweep")
            try AtomicWriter.writeJSON(plan.displayed, to: output.path("plan.json"))
            try AtomicWriter.writeJSON(plan.purgeList, to: output.path("purge.json"))
            try AtomicWriter.writeJSON(plan.relabelList, to: output.path("relabel.json"))
            try AtomicWriter.writeJSON(plan.reviewList, to: output.path("review.json"))
            try output.commit()
        } catch {
            throw .cannotWrite("\(WriteError(path: request.out, error: error))")
        }
        let sha = FileManager.default.contents(atPath: file).map { Hex.encode(SHA256.hash(data: $0)) } ?? ""
        log.log(
            action: "plan", message: "sweep planned",
            fields: [
                "pubgate.pages": .count(plan.pages), "pubgate.purge": .count(plan.purge.count), "pubgate.relabel": .count(plan.relabel.count),
                "pubgate.review": .count(plan.review.count), "pubgate.unreadable": .count(plan.unreadable.count),
                "file.path": .text(DisplayPath.of(file)), "file.hash.sha256": .text(sha),
            ])
        for item in plan.purge + plan.relabel + plan.review {
            var fields = OperationsLog.fields(of: item)
            fields["pubgate.action"] = .text(item.action.rawValue)
            log.log(action: "plan", message: "\(item.action.rawValue) planned", fields: fields)
        }
        for path in plan.unreadable.keys.sorted() {
            log.log(
                "error", action: "plan", outcome: "failure", message: "unreadable page: not judged, never purged",
                fields: ["file.path": .text(DisplayPath.of(path))])
        }
        return (plan, file, sha)
    }

    /// Archive and remove (unless an earlier run of this plan did), relabel, mark the index,
    /// rebuild, check links, commit.
    private func apply(
        _ plan: SweepPlan, _ request: Request, layout: SiteLayout, applier: SweepApplier, purged: Bool, organization: String,
        log: OperationsLog, outcome: inout Outcome
    ) throws(Failure) {
        var applied = SweepApplier.Outcome()
        do {
            if !purged { applied = try applier.apply(plan, organization: organization, agent: request.agent) }
            try applier.relabel(plan.relabel, run: outcome.runID, outcome: &applied)
        } catch { throw Self.failure(error, out: request.out) }
        outcome.applied = applied
        let removedItems =
            purged
            ? plan.purge.filter { !FileManager.default.fileExists(atPath: (layout.root as NSString).appendingPathComponent($0.sitePath)) }
            : plan.purge.filter { [removed = Set(applied.removed)] in removed.contains($0.sitePath) }
        try markIndex(removedItems, request)
        let changed = !applied.removed.isEmpty || !applied.relabelled.isEmpty || !(outcome.resumed?.removed.isEmpty ?? true)
        let rebuild = SiteRebuild(settings: configuration.settings.sweep.rebuild)
        if changed, rebuild.isConfigured {
            let result = rebuild.run(in: layout.root)
            outcome.rebuild = result
            log.log(
                result.succeeded ? "info" : "error", action: "rebuild", outcome: result.succeeded ? "success" : "failure",
                message: result.timedOut ? "rebuild timed out" : "rebuild exited \(result.status)",
                fields: ["process.command_line": .text(result.command.joined(separator: " ")), "process.exit_code": .count(Int(result.status))])
        }
        if let output = configuration.settings.sweep.rebuild.output ?? layout.publishDir,
            FileManager.default.fileExists(atPath: (layout.root as NSString).appendingPathComponent(output)), !removedItems.isEmpty
        {
            outcome.checkedOutput = output
            outcome.staleLinks = StaleLinkCheck.run(root: layout.root, output: output, removed: removedItems, layout: layout)
            for link in outcome.staleLinks {
                log.log(
                    "error", action: "link-check", outcome: "failure", message: "rendered file still links a removed page",
                    fields: ["file.path": .text(DisplayPath.of(link.file)), "pubgate.removed_page": .text(DisplayPath.of(link.page))])
            }
        }
        // What an interrupted run staged before it was finished goes into this commit too.
        let staged = (outcome.resumed?.staged ?? []) + applied.staged
        if request.git, !staged.isEmpty {
            let message = SweepCommit.message(
                runID: outcome.runID, plan: plan, planSHA256: request.planFile == nil ? nil : outcome.planSHA256, removed: removedItems,
                relabelled: plan.relabel.filter { [done = Set(applied.relabelled)] in done.contains($0.sitePath) }, archive: applied.archive?.path)
            let result = SweepCommit.commit(
                root: layout.root, paths: staged, author: configuration.settings.sweep.git.author, message: message)
            outcome.commit = result
            log.log(
                result.commit == nil ? "error" : "info", action: "commit", outcome: result.commit == nil ? "failure" : "success",
                message: result.commit == nil ? "git commit failed: \(result.error ?? "")" : "committed",
                fields: ["pubgate.commit": .text(result.commit ?? ""), "pubgate.files": .count(staged.count)])
        }
    }

    /// Marks removed pages `purged` in the corpus index, so a later review refuses to republish them.
    private func markIndex(_ removed: [SweepItem], _ request: Request) throws(Failure) {
        guard !removed.isEmpty else { return }
        guard let path = request.indexPath ?? request.defaultIndexPath else { return }
        guard FileManager.default.fileExists(atPath: path) else {
            if request.indexPath != nil { throw .index("index \(path): no such file") }
            return
        }
        do {
            // The index records paths as displayed.
            try CorpusIndex(path: path, create: true).mark(removed.map { DisplayPath.of($0.path) }, status: "purged")
        } catch {
            throw .index("index \(error.description)")
        }
    }

    /// An apply step's failure: the archive's own, or a file under `out` (the journal) not written.
    private static func failure(_ error: any Error, out: String) -> Failure {
        if let e = error as? ArchiveError { return .archive(e.message) }
        return .cannotWrite("\(WriteError(path: out, error: error))")
    }
}
