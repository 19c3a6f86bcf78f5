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
        // Chinese by default: the decision, the headings, severities and messages.
        #expect(run.stdout.contains("a.md：退回 [修改后再审]"), "\(run.stdout)")
        #expect(run.stdout.contains("  文件类型：政策解读——依据 标题中的线索"), "\(run.stdout)")
        #expect(run.stdout.contains("公开属性：主动公开——继承为主动公开（by-nature）"))
        #expect(run.stdout.contains("  审查结果：") && run.stdout.contains("  扫描：") && run.stdout.contains("没有涉及多份文档的审查结果"))
        #expect(run.stdout.contains("+ 第 5 行 pi_mobile") && run.stdout.contains("保留："))
        for english in ["type:", "findings:", "scan:", "approve", "reject", "no finding about", "a cue on", "kept as", "prefilter found"] {
            #expect(!run.stdout.contains(english), "\(english) in \(run.stdout)")
        }
        #expect(!run.stdout.contains("13912345678"))
        let english = try CLI.pubgate(["explain", dir.path, "--as-of", "2025-06-30", "--lang", "en"])
        #expect(english.stdout.contains("type: interpretation — decided by a cue on its title"), "\(english.stdout)")
        #expect(english.stdout.contains("公开属性: 主动公开 — inherited 主动公开 (by-nature)"))
        #expect(english.stdout.contains("[fix] interpretation_fields") && english.stdout.contains("+ line 5 pi_mobile"))
        let shown = try CLI.pubgate(["explain", dir.path, "--as-of", "2025-06-30", "--show-matches"])
        #expect(shown.stdout.contains("13912345678"))
    }
}
