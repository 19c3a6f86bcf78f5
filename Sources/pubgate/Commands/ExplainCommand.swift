import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate explain`: why documents were judged together — each aggregation finding with what
/// every document contributed and the assembled profile, masked.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain the batch's aggregation findings (masked).",
        discussion: """
            Reviews PATHS as `pubgate review` would (nothing is written) and prints each finding about
            several documents: the rule, the documents and what each contributed, and the profile
            they assemble — names as 陈**, numbers as positions, never values.

            Example:
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
        let configuration = try ruleOptions.load(for: paths).0
        var options = ReviewOptions(asOf: asOf ?? SimpleDate.today())
        options.index = try IndexOptions.open(explicit: index, defaultIn: paths)
        let manifest = try IndexOptions.review(configuration, options, paths: paths).manifest
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
