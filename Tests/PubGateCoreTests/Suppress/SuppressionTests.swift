import Foundation
import Testing

@testable import PubGateCore

@Suite struct SuppressionTests {
    static let page = "---\ntitle: 值班安排\ndisclosure: 主动公开\n---\n<!-- pubgate:allow pi_mobile 值班手机为单位公务号码 -->\n值班手机：13912345678。\n"

    @Test func inlineAllowWithAReasonAcceptsTheFindingBelowIt() async throws {
        // Who added the allow is asked of git blame, waited for off Swift's pool.
        let doc = try #require(try await OwnThreads.run { try reviewBatch([("a.md", Self.page)]) }.document("a.md"))
        #expect(doc.decision == .approve && doc.findings.allSatisfy { $0.kind != .mobile })
        let s = try #require(doc.suppressed.first)
        #expect(s.finding.kind == .mobile && s.suppression.source == .inline && s.suppression.reason == "值班手机为单位公务号码" && s.suppression.line == 5)
    }

    @Test func anAllowWithoutAReasonIsAFindingAndAcceptsNothing() throws {
        let page = Self.page.replacingOccurrences(of: " 值班手机为单位公务号码 ", with: " ")
        let doc = try #require(try reviewBatch([("a.md", page)]).document("a.md"))
        #expect(doc.findings.contains { $0.ruleID == "suppression_without_reason" && $0.severity == .fix })
        #expect(doc.findings.contains { $0.kind == .mobile } && doc.suppressed.isEmpty)
    }

    @Test func anAllowTwoLinesAwayOrForAnotherRuleIsStale() throws {
        let far = Self.page.replacingOccurrences(of: "-->\n值班", with: "-->\n\n\n值班")
        let m = try reviewBatch([("a.md", far)])
        #expect(m.document("a.md")?.decision == .reject)
        #expect(m.staleSuppressions.map(\.suppression.rule) == ["pi_mobile"])
    }

    @Test func baselineEntriesMatchByFingerprintNotLineAndGoStale() throws {
        let leak = "---\ntitle: 失物招领\ndisclosure: 主动公开\n---\n失主电话13987654321\n"
        let first = try reviewBatch([("b.md", leak)])
        let finding = try #require(first.document("b.md")?.findings.first { $0.kind == .mobile })
        func entry(for path: String) -> Baseline.Entry {
            .init(rule: finding.ruleID, path: path, fingerprint: Baseline.fingerprint(finding), reason: "存量页面", addedBy: "t", added: "2025-06-30")
        }
        let moved = "---\ntitle: 失物招领\ndisclosure: 主动公开\n---\n\n\n失主电话13987654321\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(lettersOnlyName())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("b.md")
        try Data(moved.utf8).write(to: file)
        var options = ReviewOptions(asOf: reviewDate)
        // Entries name the path from the repository root.
        options.baseline = Baseline(entries: [entry(for: "b.md")])
        let source = FileSource(paths: [file.path], root: RepositoryRoot(path: dir.path, isGit: false))
        let second = try ReviewPipeline(configuration: shippedConfiguration, options: options, version: "t").run(source: source).manifest
        #expect(second.documents.first?.decision == .approve && second.documents.first?.suppressed.first?.suppression.source == .baseline)
        try Data("---\ntitle: 失物招领\ndisclosure: 主动公开\n---\n请到窗口领取。\n".utf8).write(to: file)
        let third = try ReviewPipeline(configuration: shippedConfiguration, options: options, version: "t").run(source: source).manifest
        #expect(third.staleSuppressions.map(\.suppression.source) == [.baseline])
    }

    @Test func anUnreadableDocumentCannotBeAccepted() throws {
        let decide = DecideStage(policy: DecisionPolicy())
        let verdict = decide.verdict(on: [Finding(ruleID: "input_undecodable", kind: .unscannable, severity: .block, message: "x")])
        let (after, stale) = decide.suppressing(verdict, allows: [.init(rule: "input_undecodable", reason: "trust me", line: 1)], baseline: [])
        #expect(after.decision == .reject && after.suppressed.isEmpty && stale.count == 1)
    }
}
