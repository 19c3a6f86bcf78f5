import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate explain`: why documents were judged together — each aggregation finding with what
/// every document contributed and the assembled profile, masked.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain what pubgate decided and why (masked).",
        discussion: """
            For each FILE given: every candidate match of every rule — kept, or dropped and why
            (scope, exclusion, validator, context words) — and rules skipped. Then, for the whole
            batch, each finding about several documents: the rule, what each document contributed and
            the profile they assemble — names as 陈**, numbers as positions, never values.

            Examples:
              pubgate explain drafts/notice.md --as-of 2025-06-30
              pubgate explain drafts/batch-link --as-of 2025-06-30
            """)

    @Argument(help: "Files and folders of the batch.")
    var paths: [String]

    @Option(name: .long, help: "Review date YYYY-MM-DD (default: today in Asia/Shanghai).")
    var asOf: SimpleDate?

    @Option(name: .long, help: "Published-corpus index (default: .pubgate/index.sqlite in the first folder, when present).")
    var index: String?

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let root = RepositoryRoot.find(for: paths)
        let configuration = try ruleOptions.load(root: root).0
        var options = ReviewOptions(asOf: asOf ?? SimpleDate.today())
        options.index = try IndexOptions.open(explicit: index, defaultIn: root.path)
        let pipeline = ReviewPipeline(configuration: configuration, options: options, version: PubGate.version)
        for path in paths where !IndexOptions.isFolder(path) {
            switch pipeline.trace(file: path) {
            case .failure(let error):
                print("\(path): cannot be read: \(error)")
            case .success(let trace):
                print("\(path): \(trace.entries.filter { $0.line > 0 }.count) candidate matches")
                for e in trace.entries where e.line > 0 {
                    print("  \(e.kept ? "+" : "-") line \(e.line) \(e.rule) «\(e.masked)» \(e.verdict)")
                }
                let skipped = trace.entries.filter { $0.line == 0 }
                if !skipped.isEmpty { print("  rules not run: " + skipped.map { "\($0.rule) (\($0.verdict.dropFirst(9)))" }.joined(separator: "; ")) }
            }
        }
        let manifest = try PipelineRunner.review(configuration, options, paths: paths, root: root).manifest
        if manifest.batchFindings.isEmpty {
            print("no aggregation findings in \(manifest.documents.count) documents")
            return
        }
        for f in manifest.batchFindings {
            print("\(f.rule) \(f.kind.rawValue) [\(f.severity.rawValue)]: \(f.message)")
            for path in f.paths { print("  \(path): \(f.contributions[path]?.joined(separator: ", ") ?? "")") }
            for path in f.corpus { print("  published: \(path)") }
            for line in f.details { print("    \(line)") }
        }
        throw ExitStatus.rejected
    }
}
