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

    @Option(name: .long, help: "Language of the explanation: zh (default) or en. The scan's per-candidate reasons stay in English.")
    var lang: Language = .zh

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
        let text = ReportText(lang, rules: configuration.rules.rules.map(\.rule))
        for document in manifest.documents {
            explain(document, trace: pipeline.trace(file: files[document.path] ?? document.path), text: text)
        }
        for f in manifest.batchFindings {
            print(
                text.text(
                    "explain.batch", ["rule": f.rule, "kind": text.kind(f.kind), "severity": text.severity(f.severity), "message": text.message(f)]))
            for path in f.paths { print("  \(path): \(text.contribution(f.contributions[path] ?? []))") }
            for path in f.corpus { print(text.text("explain.published", ["path": path])) }
            for line in f.details { print("    \(line)") }
        }
        if manifest.batchFindings.isEmpty { print(text.text("explain.no_batch", ["documents": String(manifest.documents.count)])) }
        if manifest.summary.rejected > 0 { throw ExitStatus.rejected }
    }

    /// One document's explanation: headings and decisions in `text`'s language; the scan trace's
    /// reasons for each candidate (scope, validator, context …) as the scan records them, in English.
    /// A reason in the report's language; the document types it names worded as the report words them.
    private func worded(_ reason: Reason, _ text: ReportText) -> String {
        var args = reason.args
        for key in ["named", "type"] { if let type = args[key] { args[key] = text.term("doc_type", type) } }
        return text.text(reason.id, args)
    }

    private func explain(_ d: DocumentReview, trace: Result<DocumentTrace, any Error>, text: ReportText) {
        let verdict = d.decision == .approve ? text.decision(.approve) : "\(text.decision(.reject)) [\(text.disposition(d.disposition))]"
        print(text.text("explain.document", ["path": d.path, "decision": verdict]))
        if let type = d.docType {
            let args = ["type": text.term("doc_type", type.rawValue)]
            if let why = (try? trace.get())?.typeReason {
                print(text.text("explain.type_decided", args.merging(["reason": worded(why, text)]) { a, _ in a }))
            } else {
                print(text.text("explain.type", args))
            }
        }
        if let a = d.attributeDetail {
            var parts = a.declarations.map { text.text("explain.declared", ["value": $0.value.rawValue, "source": $0.source]) }
            if let inherited = a.inherited {
                parts.append(text.text("explain.inherited", ["value": inherited.value.rawValue, "source": inherited.source]))
            }
            if let implied = a.implied {
                parts.append(text.text("explain.implied", ["value": implied.rawValue, "rules": a.impliedBy.joined(separator: ", ")]))
            }
            if parts.isEmpty { parts.append(text.text("explain.undeclared")) }
            let attribute = d.attribute ?? text.text("explain.attribute_missing")
            print(text.text("explain.attribute", ["value": attribute, "how": parts.joined(separator: text.text("explain.separator"))]))
        }
        let rejecting = Set(d.findings.filter { $0.severity >= .fix }.map(\.ruleID))
        let count = ["count": String(d.findings.count), "rules": rejecting.sorted().joined(separator: ", ")]
        print(rejecting.isEmpty ? text.text("explain.findings", count) : text.text("explain.findings_rejecting", count))
        for f in d.findings {
            let place = f.location.map { text.text("explain.line", ["line": String($0.line)]) } ?? ""
            let value = (showMatches ? f.match : f.masked).map { " «\($0)»" } ?? ""
            print("    [\(text.severity(f.severity))] \(f.ruleID)\(place)\(value): \(text.message(f))")
        }
        for s in d.suppressed {
            print(text.text("explain.accepted", ["rule": s.finding.ruleID, "reason": s.suppression.reason]))
        }
        switch trace {
        case .failure(let error):
            print(text.text("explain.unreadable", ["error": "\(error)"]))
        case .success(let t):
            let candidates = t.scan.entries.filter { $0.line > 0 }
            print(text.text("explain.candidates", ["count": String(candidates.count)]))
            for e in candidates {
                print(
                    "    \(e.kept ? "+" : "-") \(text.text("explain.line", ["line": String(e.line)]).dropFirst()) \(e.rule) «\(e.masked)» \(e.kept ? "" : text.text("trace.dropped"))\(worded(e.verdict, text))"
                )
            }
            let skipped = t.scan.entries.filter { $0.line == 0 }
            if !skipped.isEmpty {
                let rules = skipped.map { "\($0.rule) (\(worded($0.verdict, text)))" }.joined(
                    separator: text.text("explain.separator"))
                print(text.text("explain.not_run", ["rules": rules]))
            }
        }
    }
}
