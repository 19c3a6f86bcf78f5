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
                Entries are keyed by rule, path and a fingerprint of the masked finding (not the line).
                Entries of the reviewed paths whose finding is gone are dropped; other paths' entries stay.

                Example:
                  pubgate baseline update site/content --reason "2019年存量页面，经保密办审核同意保留"
                """)

        @Argument(help: "Files and folders.")
        var paths: [String]

        @Option(name: .long, help: "Baseline file (default: .pubgate/baseline.json in the first folder).")
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
            guard let path = baseline ?? paths.first(where: IndexOptions.isFolder).map({ ($0 as NSString).appendingPathComponent(BaselineFile.defaultRelativePath) })
            else { throw ValidationError("give --baseline FILE when no folder is reviewed") }
            let existing = FileManager.default.fileExists(atPath: path) ? try BaselineFile.load(explicit: path, defaultIn: []) : nil
            let configuration = try ruleOptions.load(for: paths).0
            let manifest = try PipelineRunner.review(configuration, ReviewOptions(asOf: asOf ?? SimpleDate.today()), paths: paths).manifest
            let who = Subprocess.git(["config", "user.name"], in: FileManager.default.currentDirectoryPath).text
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let author = who.isEmpty ? ProcessInfo.processInfo.environment["USER"] : who
            let today = SimpleDate.today().description
            let reviewed = Set(manifest.documents.map(\.path))
            var entries = (existing?.entries ?? []).filter { !reviewed.contains($0.path) }
            for doc in manifest.documents {
                for f in doc.findings where f.severity >= .warn && f.kind != .unscannable && f.kind != .scanIncomplete && f.kind != .suppression {
                    entries.append(.init(rule: f.ruleID, path: doc.path, fingerprint: Baseline.fingerprint(f), reason: reason, addedBy: author, added: today))
                }
                for s in doc.suppressed where s.suppression.source == .baseline {
                    entries.append(.init(rule: s.finding.ruleID, path: doc.path, fingerprint: Baseline.fingerprint(s.finding), reason: s.suppression.reason,
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
