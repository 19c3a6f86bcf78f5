import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate explain`: why each document was judged as it was — its decision and every finding
/// behind it (scan, attribute, publication rules, aggregation), what decided its type and its
/// 公开属性, and every candidate match of the scan, kept or dropped and why. Masked, unless the
/// reviewer who owns the drafts asks to see the values.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain what pubgate decided and why (masked).",
        discussion: """
            For each document of the batch: the decision and each finding behind it (scan rules, \
            公开属性, publication rules, aggregation), what decided the document's type and its \
            attribute (declared, inherited from its section or its type, implied by its content), \
            every candidate match of every rule — kept, or dropped and why (scope, exclusion, \
            validator, context words, word boundaries, a mention rather than a disclosure) — and the \
            rules not run. Then each finding about several documents: what each document contributed \
            and the profile they assemble. Values are masked (names as 陈**, numbers as positions) \
            unless --show-matches is given.

            Examples:
              pubgate explain drafts/notice.md --as-of 2025-06-30
              pubgate explain drafts/batch-link --as-of 2025-06-30 --show-matches
            """)

    @Argument(help: "Files and folders of the batch.")
    var paths: [String]

    @Option(name: .long, help: "Review date YYYY-MM-DD (default: today in Asia/Shanghai).")
    var asOf: SimpleDate?

    @Option(name: .long, help: "Published-corpus index (default: .pubgate/index.sqlite in the first folder, when present).")
    var index: String?

    @Flag(name: .long, help: "Show the matched values in full (for the reviewer who owns the drafts).")
    var showMatches = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let root = RepositoryRoot.find(for: paths)
        let (configuration, loaded) = try ruleOptions.load(root: root)
        var options = ReviewOptions(asOf: asOf ?? SimpleDate.today())
        options.settingsFiles = loaded.files
        options.index = try IndexOptions.open(explicit: index, defaultIn: root.path)
        options.showMatches = showMatches
        let pipeline = ReviewPipeline(configuration: configuration, options: options, version: PubGate.version)
        let manifest = try PipelineRunner.review(configuration, options, paths: paths, root: root).manifest
        // Reviews name files as every output does (masked); the trace reads the file itself.
        var files: [String: String] = [:]
        for file in FileSource(paths: paths, root: root).collect().files { files[DisplayPath.of(file)] = file }
        for document in manifest.documents {
            explain(document, trace: pipeline.trace(file: files[document.path] ?? document.path))
        }
        for f in manifest.batchFindings {
            print("batch: \(f.rule) \(f.kind.rawValue) [\(f.severity.rawValue)]: \(f.message)")
            for path in f.paths { print("  \(path): \(f.contributions[path]?.joined(separator: ", ") ?? "")") }
            for path in f.corpus { print("  published: \(path)") }
            for line in f.details { print("    \(line)") }
        }
        if manifest.batchFindings.isEmpty { print("no finding about several documents in \(manifest.documents.count) documents") }
        if manifest.summary.rejected > 0 { throw ExitStatus.rejected }
    }

    private func explain(_ d: DocumentReview, trace: Result<DocumentTrace, any Error>) {
        let verdict = d.decision == .approve ? "approve" : "reject [\(d.disposition?.rawValue ?? "")]"
        print("\(d.path): \(verdict)")
        if let type = d.docType {
            let why = (try? trace.get())?.typeReason
            print("  type: \(type.rawValue)\(why.map { " — decided by \($0)" } ?? "")")
        }
        if let a = d.attributeDetail {
            var parts = a.declarations.map { "declared \($0.value.rawValue) (\($0.source))" }
            if let inherited = a.inherited { parts.append("inherited \(inherited.value.rawValue) (\(inherited.source))") }
            if let implied = a.implied { parts.append("content implies \(implied.rawValue) (\(a.impliedBy.joined(separator: ", ")))") }
            if parts.isEmpty { parts.append("none declared or inherited") }
            print("  公开属性: \(d.attribute ?? "missing") — \(parts.joined(separator: "; "))")
        }
        let rejecting = Set(d.findings.filter { $0.severity >= .fix }.map(\.ruleID))
        print("  findings: \(d.findings.count)" + (rejecting.isEmpty ? "" : " (rejecting: \(rejecting.sorted().joined(separator: ", ")))"))
        for f in d.findings {
            let place = f.location.map { " line \($0.line)" } ?? ""
            let value = (showMatches ? f.match : f.masked).map { " «\($0)»" } ?? ""
            print("    [\(f.severity.rawValue)] \(f.ruleID)\(place)\(value): \(f.message)")
        }
        for s in d.suppressed {
            print("    accepted: \(s.finding.ruleID) — \(s.suppression.reason)")
        }
        switch trace {
        case .failure(let error):
            print("  scan: the file cannot be read: \(error)")
        case .success(let t):
            let candidates = t.scan.entries.filter { $0.line > 0 }
            print("  scan: \(candidates.count) candidate matches")
            for e in candidates {
                print("    \(e.kept ? "+" : "-") line \(e.line) \(e.rule) «\(e.masked)» \(e.verdict)")
            }
            let skipped = t.scan.entries.filter { $0.line == 0 }
            if !skipped.isEmpty { print("  rules not run: " + skipped.map { "\($0.rule) (\($0.verdict.dropFirst(9)))" }.joined(separator: "; ")) }
        }
    }
}
