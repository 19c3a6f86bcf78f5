import ArgumentParser
import Foundation
import POSIXKit
import PubGateCore

/// `pubgate sweep`: the nightly expiry sweep of the published site.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Plan the removal of expired, repealed and superseded pages; apply a signed-off plan.",
        discussion: """
            Without --apply: judges the site and writes OUT/plan.json (purge, relabel and review \
            lists with their evidence, and the site's git commit and content hash) with \
            OUT/purge.json, OUT/relabel.json and OUT/review.json, and prints a summary. Review items \
            (a link that could not be confirmed by 文号, a partial replacement) are never applied. \
            --archive also writes the BagIt archive OUT/pubgate-sweep-<date>-<id>.tar.gz (+ .sha256).

            --apply PLAN carries out exactly that plan once a person has signed it off (sign off a \
            copy: OUT/plan.json is a link into the output set the next run replaces), and refuses it \
            if the site changed since it was made. --apply without a plan plans and applies in one \
            run (unattended). Either way pages are archived and verified before they are removed, \
            every step is journaled in OUT/journal.jsonl (an interrupted apply is finished by the \
            next), the corpus index marks them purged, the configured rebuild runs (settings \
            sweep.rebuild.command, e.g. [hugo, --gc, --minify]), and files of the rendered site that \
            still link a removed page are reported. --git commits the removals and relabels as \
            sweep.git.author, naming the run and the 文号.

            The summary is in Chinese unless --lang en; --json prints one JSON object instead. On a \
            terminal a progress line shows on stderr once reading the site takes more than a second.

            Exit: 0 nothing due (or everything applied), 1 something due (dry run), kept, still \
            linked, or a failed rebuild or commit, 65 a page could not be read (never purged) or the \
            plan does not match the site, 73 the archive could not be written, 74 the index could \
            not be written, 75 another sweep holds the lock, 78 broken rules or settings.

            Example:
              pubgate sweep site/ --as-of 2025-06-30 --out sweep-out
              pubgate sweep site/ approved.json --apply --out sweep-out --git --config ops.yml
            """)

    @Argument(help: "The published site (a Hugo site root or a folder of pages).")
    var site: String

    @Argument(help: "With --apply: the signed-off plan to carry out (a copy of a plan.json this command wrote).")
    var plan: String?

    @Option(name: .long, help: "Folder for plan.json, the lists, the archive and the journal.")
    var out: String

    @Option(name: .long, help: "Sweep date YYYY-MM-DD (default: today in Asia/Shanghai).")
    var asOf: SimpleDate?

    @Flag(name: .long, help: "Write the BagIt archive of the pages to purge.")
    var archive = false

    @Flag(name: .long, help: "Carry out PLAN (or, without one, this run's own plan): archive, verify, remove, relabel, rebuild.")
    var apply = false

    @Flag(name: .long, help: "With --apply, stage removals and relabels with git and commit them.")
    var git = false

    @Option(name: .long, help: "Append a JSON Lines operations log to this file.")
    var log: String?

    @Option(
        name: .long,
        help: "With --apply, mark purged pages in this corpus index (default: .pubgate/index.sqlite at the repository root, when present).")
    var index: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        let root = URL(fileURLWithPath: site).resolvingSymlinksInPath().standardizedFileURL.path
        guard POSIXFiles.isDirectory(site) == true else {
            throw ValidationError("\(site) is not a folder")
        }
        guard root != "/", root != NSHomeDirectory() else { throw ValidationError("refusing to sweep \(root)") }
        if git && !apply { throw ValidationError("--git only makes sense with --apply") }
        if plan != nil && !apply { throw ValidationError("a plan is only given to --apply") }
        if plan != nil && asOf != nil { throw ValidationError("--as-of is the plan's own date with --apply PLAN") }
    }

    func run() throws {
        let root = RepositoryRoot.find(for: [site])
        // The tree's own .pubgate.yml may only tighten (TreeSettingsCheck): it cannot set the
        // rebuild command or the commit author, which only --config can.
        let (configuration, _) = try ruleOptions.load(root: root)
        let text = ReportText(output.lang)
        let bar = ProgressLine(enabled: true, text: text)
        defer { bar.finish() }
        var request = SweepSession.Request(site: site, out: out, asOf: asOf ?? SimpleDate.today(), agent: "pubgate \(PubGate.version)")
        request.archive = archive
        request.apply = apply
        request.planFile = plan
        request.git = git
        request.logFile = log
        request.indexPath = index
        request.defaultIndexPath = root.file(IndexOptions.defaultRelativePath)
        request.progress = { bar.update($0) }
        let outcome: SweepSession.Outcome
        do {
            outcome = try SweepSession(configuration: configuration).run(request)
        } catch {
            bar.finish()
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            switch error {
            case .locked: throw ExitStatus.locked
            case .plan: throw ExitStatus.unreadableInput
            case .notGitTree: throw ExitStatus.usage
            case .archive, .cannotWrite: throw ExitStatus.cannotWrite
            case .index: throw ExitStatus.ioError
            }
        }
        bar.finish()
        let kept = (outcome.resumed?.kept ?? []) + (outcome.applied?.kept ?? [])
        if output.json {
            FileHandle.standardOutput.write(try SweepSummaryJSON(outcome, outputDirectory: out).encoded())
        } else {
            print(SweepSummary.render(outcome, outputDirectory: out, text: text))
        }
        for (path, reason) in outcome.plan.unreadable.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("error: \(DisplayPath.of(path)): \(reason); not judged, never purged\n".utf8))
        }
        for path in kept { FileHandle.standardError.write(Data("error: \(path): kept (changed since archived, or outside the site)\n".utf8)) }
        for link in outcome.staleLinks {
            let shown = "\(DisplayPath.of(link.file)) still links removed \(DisplayPath.of(link.page)) (\(DisplayPath.of(link.link)))"
            FileHandle.standardError.write(Data("error: \(shown.escapingControlCharacters)\n".utf8))
        }
        if let r = outcome.rebuild, !r.succeeded {
            let why = r.timedOut ? "timed out" : "exited \(r.status)"
            FileHandle.standardError.write(Data("error: rebuild `\(r.command.joined(separator: " "))` \(why)\n\(r.outputTail)\n".utf8))
        }
        if let c = outcome.commit, c.commit == nil {
            FileHandle.standardError.write(Data("error: git commit: \(c.error ?? "failed")\n".utf8))
        }
        if !outcome.plan.unreadable.isEmpty { throw ExitStatus.unreadableInput }
        if outcome.needsAttention || (!apply && outcome.plan.isDue) { throw ExitStatus.rejected }
    }
}
