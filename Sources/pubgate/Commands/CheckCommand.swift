import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate check`: the gate for a content repository — the staged documents (or given files)
/// reviewed with the whole pipeline, aggregation against the corpus index included, one line per
/// finding, exit 1 when the commit must be refused.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check staged or given documents; exit 1 when the commit must be refused.",
        discussion: """
            Prints `path:line:col rule message` per finding (masked) and a summary on stderr.
            With --staged, reviews the contents staged in the git index (not the working tree):
            added, modified and renamed pages; other file types are listed as not reviewed.
            Exit: 0 clean, 1 refused, 65 unreadable or an LFS pointer, 74 index, 78 configuration.

            Examples:
              pubgate check --staged
              pubgate check content/tzgg/notice.md
            """)

    @Argument(help: "Files or folders to check (without --staged).")
    var paths: [String] = []

    @Flag(name: .long, help: "Check what is staged in the git index.")
    var staged = false

    @Option(name: .long, help: "Review date YYYY-MM-DD (default: today in Asia/Shanghai).")
    var asOf: SimpleDate?

    @OptionGroup var corpus: CorpusOptions

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        if staged == !paths.isEmpty { throw ValidationError("give files to check, or --staged (not both)") }
    }

    func run() throws {
        var root = FileManager.default.currentDirectoryPath
        var reviewPaths = paths
        var display: (String) -> String = { $0.escapingControlCharacters }
        var refusedBeforeReview: [String] = []
        var scratch: URL?
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        if staged {
            let files: StagedFiles
            do {
                files = try StagedFiles.read(in: root)
            } catch {
                FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
                throw ExitStatus.usage
            }
            root = files.root
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-staged-\(ProcessInfo.processInfo.processIdentifier)")
            scratch = dir
            reviewPaths = []
            for file in files.files {
                let ext = (file.path as NSString).pathExtension.lowercased()
                guard SiteLayout.pageExtensions.contains(ext) || AttachmentLinks.extensions.contains(ext) else {
                    FileHandle.standardError.write(Data("pubgate: \(file.path): not a page format pubgate reviews; not checked\n".utf8))
                    continue
                }
                if file.isLFSPointer {
                    refusedBeforeReview.append(file.path)
                    print("\(file.path):1:1 lfs_pointer the staged file is a Git LFS pointer; its content cannot be reviewed")
                    continue
                }
                let target = dir.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: target)
                reviewPaths.append(target.path)
            }
            let prefix = dir.path + "/"
            display = { ($0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0).escapingControlCharacters }
        }
        if reviewPaths.isEmpty {
            FileHandle.standardError.write(Data("pubgate: nothing to check\n".utf8))
            if !refusedBeforeReview.isEmpty { throw ExitStatus.unreadableInput }
            return
        }
        let configuration = try ruleOptions.load(for: [root]).0
        var options = ReviewOptions(asOf: asOf ?? SimpleDate.today())
        try corpus.apply(to: &options, defaultIn: [root])
        let outcome = try PipelineRunner.review(configuration, options, paths: reviewPaths)
        let manifest = outcome.manifest
        for doc in manifest.documents {
            for f in doc.findings where f.severity > .info {
                let at = f.location.map { "\($0.line):\($0.column)" } ?? "1:1"
                let place = f.location?.container.map { " @ \($0)" } ?? ""
                print("\(display(doc.path)):\(at) \(f.ruleID) [\(f.severity.rawValue)] \(f.message)\(f.masked.map { " «\($0)»" } ?? "")\(place)")
            }
        }
        for s in manifest.staleSuppressions {
            print("\(display(s.path)):\(s.suppression.line ?? 1):1 stale_suppression \(s.suppression.source.rawValue) suppression of \(s.suppression.rule) matched nothing")
        }
        let rejected = manifest.summary.rejected
        FileHandle.standardError.write(
            Data("pubgate: \(manifest.documents.count) documents checked, \(rejected) refused\(rejected > 0 ? " — the commit is blocked" : "")\n".utf8))
        if outcome.hasUnreadableInput || !refusedBeforeReview.isEmpty { throw ExitStatus.unreadableInput }
        if rejected > 0 || corpus.failsOnStale(manifest) { throw ExitStatus.rejected }
    }
}
