import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate check`: the gate for a content repository — the given files, the staged documents or
/// what a range of commits added, reviewed with the whole pipeline (aggregation against the corpus
/// index included), one line per finding, exit 1 when the commit must be refused.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check given files, the staged commit or a commit range; exit 1 when it must be refused.",
        discussion: """
            Prints `path:line:col rule [severity] message «masked»` per finding and a summary on stderr. \
            FILES are checked as they are on disk (what pre-commit hands a hook: its files:, exclude: \
            and --all-files apply). --staged checks the contents staged in the git index, read in \
            memory (not the working tree); --range FROM..TO checks the files a range of commits added \
            or changed, as TO holds them (for CI: it finds what was committed with --no-verify). \
            Only pages and document files are checked (.md .html .xml .txt, office, OFD, PDF); \
            others are listed on stderr as not checked.

            Settings, baseline and index are those of the repository root (`pubgate config show`); \
            baseline entries and `paths` settings name paths from that root. Site assets (by \
            default in a Hugo site: templates, static/, section _index.md pages) are scanned for \
            leaks but not judged as documents.

            Messages are in Chinese unless --lang en (rule ids stay as they are); --json prints one \
            JSON object instead of the lines; --min-severity sets the lowest severity printed \
            (default warn: info findings are left out). On a terminal a progress line shows on \
            stderr once a check takes more than a second.

            Exit: 0 clean, 1 refused, 64 usage (not in a git repository, unknown commit), \
            65 unreadable or a Git LFS pointer, 74 index, 78 configuration.

            Examples:
              pubgate check content/tzgg/notice.md
              pubgate check --staged
              pubgate check --range origin/main..HEAD
            """)

    @Argument(help: "Files or folders to check (without --staged or --range).")
    var paths: [String] = []

    @Flag(name: .long, help: "Check what is staged in the git index.")
    var staged = false

    @Option(name: .long, help: "Check the files a range of commits (FROM..TO or FROM...TO) added or changed, as TO holds them.")
    var range: String?

    @Option(name: .long, help: "Review date YYYY-MM-DD (default: today in Asia/Shanghai).")
    var asOf: SimpleDate?

    @Option(name: .long, help: "Lowest severity printed: info, warn, fix, review or block (default: warn).")
    var minSeverity: Severity?

    @OptionGroup var output: OutputOptions

    @OptionGroup var corpus: CorpusOptions

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        let modes = [!paths.isEmpty, staged, range != nil].filter { $0 }.count
        if modes != 1 { throw ValidationError("give files to check, --staged or --range FROM..TO (one of them)") }
    }

    func run() throws {
        let (source, root, lfs, empty) = try documents()
        guard !empty else { return try reportNothing(lfsPointers: lfs) }
        let (configuration, loaded) = try ruleOptions.load(root: root)
        let reports = output.reportOptions(rules: configuration.rules, minSeverity: minSeverity)
        let text = reports.text
        let minimum = minSeverity ?? .warn
        var options = ReviewOptions(asOf: asOf ?? SimpleDate.today())
        options.settingsFiles = loaded.files
        try corpus.apply(to: &options, root: root)
        let bar = ProgressLine(enabled: true, text: text)
        options.progress = { bar.update($0) }
        defer { bar.finish() }
        let outcome = try PipelineRunner.review(configuration, options, source: source)
        bar.finish()
        let manifest = outcome.manifest
        let rejected = manifest.summary.rejected
        if output.json {
            FileHandle.standardOutput.write(
                try CheckSummaryJSON(manifest, options: reports, minimum: minimum, lfsPointers: lfs.map(DisplayPath.of)).encoded())
        } else {
            for path in lfs { print(Self.lfsLine(path)) }
            Self.printLines(of: manifest, text: text, minimum: minimum)
        }
        let assets = manifest.documents.filter { $0.role == .asset }.count
        let counts = ["files": String(manifest.documents.count), "assets": String(assets), "refused": String(rejected)]
        let summary = text.text(assets > 0 ? "check.summary_assets" : "check.summary", counts) + (rejected > 0 ? text.text("check.blocked") : "")
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if outcome.hasUnreadableInput || !lfs.isEmpty { throw ExitStatus.unreadableInput }
        if rejected > 0 || corpus.failsOnStale(manifest) { throw ExitStatus.rejected }
    }

    /// What a check with nothing to review prints (the Git LFS pointers it refused, if any); exit 65
    /// when there were pointers, 0 otherwise.
    private func reportNothing(lfsPointers lfs: [String]) throws {
        if output.json {
            FileHandle.standardOutput.write(try CheckSummaryJSON.nothing(version: PubGate.version, lfsPointers: lfs.map(DisplayPath.of)))
        } else {
            for path in lfs { print(Self.lfsLine(path)) }
        }
        FileHandle.standardError.write(Data((ReportText(output.lang).text("check.nothing") + "\n").utf8))
        if !lfs.isEmpty { throw ExitStatus.unreadableInput }
    }

    /// One line per finding at `minimum` or above (`path:line:col rule [severity] message «masked»`),
    /// then one per stale suppression.
    private static func printLines(of manifest: Manifest, text: ReportText, minimum: Severity) {
        for doc in manifest.documents {
            for f in doc.findings where f.severity >= minimum {
                let place = f.location?.container.map { " @ \($0)" } ?? ""
                let line = text.text(
                    "check.finding",
                    [
                        "path": doc.path.escapingControlCharacters, "line": String(f.location?.line ?? 1),
                        "column": String(f.location?.column ?? 1),
                        "rule": f.ruleID, "severity": text.severity(f.severity), "message": text.message(f),
                    ])
                print(line + (f.masked.map { " «\($0)»" } ?? "") + place)
            }
        }
        for s in manifest.staleSuppressions {
            print(
                text.text(
                    "check.stale",
                    [
                        "path": s.path.escapingControlCharacters, "line": String(s.suppression.line ?? 1),
                        "source": s.suppression.source.rawValue, "rule": s.suppression.rule,
                    ]))
        }
    }

    /// The line for a Git LFS pointer, whose content is not there to review.
    static func lfsLine(_ path: String) -> String {
        "\(DisplayPath.of(path).escapingControlCharacters):1:1 lfs_pointer the file is a Git LFS pointer; its content cannot be reviewed"
    }

    /// The documents to check, the repository root they belong to, the Git LFS pointers among
    /// them (refused: their content is not there to review) and whether nothing is left to check.
    private func documents() throws -> (any DocumentSource, RepositoryRoot, [String], Bool) {
        let cwd = FileManager.default.currentDirectoryPath
        guard staged || range != nil else {
            let root = RepositoryRoot.find(for: paths, from: cwd)
            let named = paths.filter { IndexOptions.isFolder($0) || Self.isChecked($0) }
            return (FileSource(paths: named, root: root), root, [], named.isEmpty)
        }
        do {
            let tree: GitTreeSource
            if let range {
                let changes = try GitTreeSource.rangeChanges(range, in: cwd)
                tree = try GitTreeSource(root: changes.root, tree: .commit(changes.commit), paths: changes.paths.filter(Self.isChecked))
            } else {
                let changes = try GitTreeSource.stagedChanges(in: cwd)
                tree = try GitTreeSource(root: changes.root, tree: .index, paths: changes.paths.filter(Self.isChecked))
            }
            return (tree, tree.root ?? RepositoryRoot(path: cwd, isGit: true), tree.lfsPointers, tree.collect().files.isEmpty)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitStatus.usage
        }
    }

    /// Pages and document files are checked; anything else (images, styles, scripts, data) is
    /// listed on stderr as not checked.
    static func isChecked(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if SiteLayout.pageExtensions.contains(ext) || AttachmentLinks.extensions.contains(ext) { return true }
        FileHandle.standardError.write(
            Data("pubgate: \(DisplayPath.of(path).escapingControlCharacters): not a page or document format pubgate reviews; not checked\n".utf8))
        return false
    }
}
