import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate baseline`: accept the current findings of documents, with a reason, so that later runs
/// report only new ones (the entries stay visible in every report as suppressions).
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record accepted findings in a baseline file.",
        subcommands: [Update.self])

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add every current finding (warn and above) of PATHS to the baseline, with a reason.",
            discussion: """
                Entries are keyed by rule, path and a fingerprint of the masked finding (not the line). \
                Entries of the reviewed paths whose finding is gone are dropped; other paths' entries stay.

                Example:
                  pubgate baseline update site/content --reason "2019年存量页面，经保密办审核同意保留"
                """)

        @Argument(help: "Files and folders.")
        var paths: [String]

        @Option(name: .long, help: "Baseline file (default: .pubgate/baseline.json at the repository root).")
        var baseline: String?

        @Option(name: .long, help: "Why these findings are accepted (required).")
        var reason: String

        @Option(name: .long, help: "Review date YYYY-MM-DD (default: today in Asia/Shanghai).")
        var asOf: SimpleDate?

        @OptionGroup var ruleOptions: RuleOptions

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must say why the findings are accepted") }
        }

        func run() throws {
            let root = RepositoryRoot.find(for: paths)
            let path = baseline ?? root.file(BaselineFile.defaultRelativePath)
            let existing = FileManager.default.fileExists(atPath: path) ? try BaselineFile.load(explicit: path, root: nil) : nil
            let (configuration, loaded) = try ruleOptions.load(root: root)
            let source = FileSource(paths: paths, root: root)
            var options = ReviewOptions(asOf: asOf ?? SimpleDate.today())
            options.settingsFiles = loaded.files
            let manifest = try PipelineRunner.review(configuration, options, source: source).manifest
            let who = ChildProcess.git(["config", "user.name"], in: FileManager.default.currentDirectoryPath).text
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let author = who.isEmpty ? ProcessInfo.processInfo.environment["USER"] : who
            let today = SimpleDate.today().description
            // Entries name paths from the repository root, whatever folder the command ran in, as
            // every output shows paths (the review shows each document's name masked: mapped back here).
            var names: [String: String] = [:]
            for name in source.collect().files { names[DisplayPath.of(name)] = name }
            let repositoryPath = { (shown: String) in source.repositoryPath(of: names[shown] ?? shown).map(DisplayPath.of) }
            let reviewed = Set(manifest.documents.compactMap { repositoryPath($0.path) })
            var entries = (existing?.entries ?? []).filter { !reviewed.contains($0.path) }
            for doc in manifest.documents {
                guard let at = repositoryPath(doc.path) else { continue }
                for f in doc.findings where f.severity >= .warn && f.kind != .unscannable && f.kind != .scanIncomplete && f.kind != .suppression {
                    entries.append(
                        .init(rule: f.ruleID, path: at, fingerprint: Baseline.fingerprint(f), reason: reason, addedBy: author, added: today))
                }
                for s in doc.suppressed where s.suppression.source == .baseline {
                    entries.append(
                        .init(
                            rule: s.finding.ruleID, path: at, fingerprint: Baseline.fingerprint(s.finding), reason: s.suppression.reason,
                            addedBy: s.suppression.author, added: s.suppression.date))
                }
            }
            var unique: [Baseline.Entry] = []
            var seen = Set<String>()
            for e in entries where seen.insert(e.rule + "|" + e.path + "|" + e.fingerprint).inserted { unique.append(e) }
            try AtomicWriter.writeJSON(Baseline(entries: unique), to: path)
            print("\(path): \(unique.count) accepted findings")
        }
    }
}
