import Foundation
import Testing

/// `pubgate explain` covers every decision, not only scan candidates (issue 17).
@Suite struct ExplainCommandTests {
    typealias CLI = ReviewCommandTests

    @Test func explainCoversTypeAttributePublicationFindingsAndCandidates() throws {
        let dir = try CLI.temporaryDirectory()
        try Data("---\ntitle: 关于《某某通告》的解读\n---\n一、背景。\n联系人手机13912345678。\n某某县公安局\n2025年3月1日\n".utf8)
            .write(to: dir.appendingPathComponent("a.md"))
        let run = try CLI.pubgate(["explain", dir.path, "--as-of", "2025-06-30"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("type: interpretation — decided by a cue on its title"), "\(run.stdout)")
        #expect(run.stdout.contains("公开属性: 主动公开 — inherited 主动公开 (by-nature)"))
        #expect(run.stdout.contains("[fix] interpretation_fields"))
        #expect(run.stdout.contains("+ line 5 pi_mobile"))
        #expect(!run.stdout.contains("13912345678"))
        let shown = try CLI.pubgate(["explain", dir.path, "--as-of", "2025-06-30", "--show-matches"])
        #expect(shown.stdout.contains("13912345678"))
    }
}
