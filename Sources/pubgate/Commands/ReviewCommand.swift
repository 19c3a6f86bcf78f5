import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate review`: the batch review a 政务公开 office runs before publishing.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review drafts and write approve/reject manifests.",
        discussion: """
            Writes OUT/manifest.json (every input once), OUT/approve.json and OUT/reject.json, and with \
            --format sarif,junit,csv,html also OUT/pubgate.sarif (SARIF 2.1.0), OUT/junit.xml, \
            OUT/findings.csv and OUT/report.html (the reviewer's page, paged, with a sign-off block). \
            Nothing found is repeated in any output unless --show-matches is given.

            Messages and reports are in Chinese unless --lang en; the manifest's rule ids, kinds, \
            severities and decisions are the same in both. --min-severity leaves out lesser findings \
            from the terminal, SARIF, JUnit, CSV, HTML and --json (SARIF leaves out info by default); \
            the manifest keeps every finding and decisions never change. On a terminal a progress \
            line shows on stderr once a run takes more than a second.

            Example:
              pubgate review Samples/drafts --out out --as-of 2025-06-30
              pubgate review drafts --out out --format sarif,html --json
            """)

    @Argument(help: "Files and folders to review (folders recursively).")
    var paths: [String]

    @Option(name: .long, help: "Folder for the manifests.")
    var out: String

    @Option(name: .long, help: "Review date YYYY-MM-DD (default: today in Asia/Shanghai).")
    var asOf: SimpleDate?

    @Flag(name: .long, help: "Put the unmasked matched text into the manifest.")
    var showMatches = false

    @Flag(name: .long, help: "Print nothing on stdout (and no progress line).")
    var quiet = false

    @Option(name: .long, help: "Folder of already-published pages the batch is judged against (repeatable).")
    var published: [String] = []

    @Option(name: .long, help: "Reports to write besides the manifest: sarif, junit, csv, html (comma-separated or repeated).")
    var format: [String] = []

    @Option(name: .long, help: "Lowest severity the reports show: info, warn, fix, review or block (default: all; SARIF: warn).")
    var minSeverity: Severity?

    @OptionGroup var output: OutputOptions

    @OptionGroup var corpus: CorpusOptions

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        if case .failure(let e) = ReportFormat.parse(format) {
            throw ValidationError("unknown format `\(e.name)` (one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        let root = RepositoryRoot.find(for: paths)
        let (configuration, loaded) = try ruleOptions.load(root: root)
        let reports = output.reportOptions(rules: configuration.rules, minSeverity: minSeverity)
        var options = ReviewOptions(asOf: asOf ?? SimpleDate.today(), showMatches: showMatches, published: published, outputDirectory: out)
        options.settingsFiles = loaded.files
        try corpus.apply(to: &options, root: root)
        let bar = ProgressLine(enabled: !quiet, text: reports.text)
        options.progress = { bar.update($0) }
        defer { bar.finish() }
        let outcome = try PipelineRunner.review(configuration, options, paths: paths, root: root)
        let manifest = outcome.manifest
        // Written as one set: a reader of OUT sees the previous run's files or all of these. A
        // write error ends the run with exit 73 (`PubGate.main`).
        let reportsStart = ContinuousClock.now
        let formats = try ReportFormat.parse(format).get()
        let outputSet = try OutputSet(in: out, name: "review")
        for report in formats { try report.write(manifest, to: outputSet.staging, options: reports) }
        try outputSet.commit()
        if StageTimings.enabled {
            let elapsed = ContinuousClock.now - reportsStart
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            FileHandle.standardError.write(
                Data("timing: reports=\(String(format: "%.3f", seconds)) peak_mb=\(StageTimings.peakMemoryMB ?? -1)\n".utf8))
        }
        bar.finish()
        for doc in manifest.digests {
            for finding in doc.unscannable {
                FileHandle.standardError.write(Data("error: \(doc.path.escapingControlCharacters): \(reports.text.message(finding))\n".utf8))
            }
        }
        if output.json {
            let written = formats.flatMap { $0 == .json ? [$0.fileName, "approve.json", "reject.json"] : [$0.fileName] }.map { out + "/" + $0 }
            FileHandle.standardOutput.write(try ReviewSummaryJSON(manifest, outputs: written, text: reports.text).encoded())
        } else if !quiet {
            print(Terminal.summary(SummaryPrinter.lines(manifest, outputDirectory: out, options: reports)))
        }
        if outcome.hasUnreadableInput { throw ExitStatus.unreadableInput }
        for s in manifest.staleSuppressions {
            FileHandle.standardError.write(
                Data(
                    "warning: \(s.path.escapingControlCharacters): stale \(s.suppression.source.rawValue) suppression of \(s.suppression.rule)\(s.suppression.line.map { " (line \($0))" } ?? "")\n"
                        .utf8))
        }
        if manifest.summary.rejected > 0 || corpus.failsOnStale(manifest) { throw ExitStatus.rejected }
    }
}
