import Foundation
import Testing

/// End-to-end: `pubgate index build`, a review that finds the index by default, `explain`, and a
/// broken index stopping the review.
@Suite struct IndexCommandTests {
    typealias CLI = ReviewCommandTests

    @Test func buildReviewAndExplainAgainstThePublishedCorpus() throws {
        let root = try CLI.temporaryDirectory()
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        let published = "---\ntitle: 体检结果公示\ndate: 2025-06-20\n---\n| 1 | 陈思远 | 男 | 2105**********2419 |\n| 2 | 武浩豪 | 男 | 2105**********8651 |\n"
        try Data(published.utf8).write(to: site.appendingPathComponent("content/a.md"))
        let build = try CLI.pubgate(["index", "build", site.path, "--as-of", "2025-06-30"])
        #expect(build.status == 0 && build.stdout.contains("1 documents indexed"), "\(build.stdout)\(build.stderr)")
        let index = site.appendingPathComponent(".pubgate/index.sqlite").path
        #expect(FileManager.default.fileExists(atPath: index))

        let batch = root.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let draft = "---\ntitle: 拟聘用人员公示\ndisclosure: 主动公开\n---\n| 1 | 陈思远 | 男 | ****0219960317**** |\n"
        try Data(draft.utf8).write(to: batch.appendingPathComponent("b.md"))
        let out = root.appendingPathComponent("out").path
        let review = try CLI.pubgate(["review", batch.path, "--index", index, "--out", out, "--as-of", "2025-06-30", "--quiet"])
        #expect(review.status == 1)
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"A-02\"") && manifest.contains(site.appendingPathComponent("content/a.md").path))
        #expect(!manifest.contains("陈思远"))
        let explain = try CLI.pubgate(["explain", batch.path, "--index", index, "--as-of", "2025-06-30"])
        #expect(explain.status == 1 && explain.stdout.contains("A-02") && explain.stdout.contains("陈**") && !explain.stdout.contains("陈思远"))
    }

    @Test func aBrokenIndexStopsTheReviewWithNothingApproved() throws {
        let root = try CLI.temporaryDirectory()
        let batch = root.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch.appendingPathComponent(".pubgate"), withIntermediateDirectories: true)
        try Data("---\ntitle: 通知\ndisclosure: 主动公开\n---\n正文。\n".utf8).write(to: batch.appendingPathComponent("a.md"))
        try Data(String(repeating: "not sqlite ", count: 20).utf8).write(to: batch.appendingPathComponent(".pubgate/index.sqlite"))
        let out = root.appendingPathComponent("out").path
        let run = try CLI.pubgate(["review", batch.path, "--out", out, "--as-of", "2025-06-30"])
        #expect(run.status == 74 && run.stderr.contains("index.sqlite"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/approve.json"))
    }

    @Test func explainTellsWhyEachCandidateWasKeptOrDropped() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("a.md")
        try Data("---\ntitle: 通知\ndisclosure: 主动公开\n---\n受理编号210502199603172418。\n联系手机13912345678。\n".utf8).write(to: file)
        let run = try CLI.pubgate(["explain", file.path, "--as-of", "2025-06-30", "--lang", "en"])
        #expect(run.stdout.contains("- line 5 pi_resident_id_18") && run.stdout.contains("dropped"), "\(run.stdout)")
        #expect(run.stdout.contains("+ line 6 pi_mobile") && run.stdout.contains("kept as mobile [block]"))
        #expect(!run.stdout.contains("13912345678") && !run.stdout.contains("210502199603172418"))
    }
}
