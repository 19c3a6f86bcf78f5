import Foundation
import Testing

@testable import PubGateCore

@Suite struct PageURLTests {
    func item(_ sitePath: String, rendered: [String] = []) -> SweepItem {
        SweepItem(
            path: sitePath, sitePath: sitePath, sha256: "", bytes: 0, action: .purge, rule: "R", reason: "r", label: nil, evidence: [:],
            title: nil, documentNumber: nil, rendered: rendered)
    }

    @Test func hugoPagesAreServedAtTheirSectionPath() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hugo-\(lettersOnlyName())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("title = \"x\"\n".utf8).write(to: root.appendingPathComponent("hugo.toml"))
        let layout = SiteLayout(root: root.path)
        #expect(PageURL.paths(of: item("content/zwgk/a.md", rendered: ["public/zwgk/a/index.html"]), layout: layout) == ["/zwgk/a/"])
        #expect(PageURL.paths(of: item("content/zwgk/b/index.md"), layout: layout) == ["/zwgk/b/"])
        #expect(PageURL.paths(of: item("static/legacy/c.html", rendered: ["public/legacy/c.html"]), layout: layout) == ["/legacy/c.html"])
    }

    @Test func linksAreResolvedAsABrowserWouldBeforeComparing() {
        #expect(PageURL.resolve("https://www.example.invalid/zwgk/a/", base: "/sitemap.xml") == "/zwgk/a/")
        #expect(PageURL.resolve("../a/index.html?x=1#top", base: "/zwgk/list/") == "/zwgk/a/")
        #expect(PageURL.resolve("a.html", base: "/legacy/index.html") == "/legacy/a.html")
        #expect(PageURL.resolve("/%E6%94%BF%E7%AD%96/a/", base: "/") == "/政策/a/")
        #expect(PageURL.resolve("mailto:x@example.invalid", base: "/") == nil)
        #expect(PageURL.reaches("/zwgk/a", "/zwgk/a/") && PageURL.reaches("/site/zwgk/a/", "/zwgk/a/"))
        #expect(!PageURL.reaches("/zwgk/a1/", "/zwgk/a/") && !PageURL.reaches("/xzwgk/a/", "/zwgk/a/"))
    }

    @Test func feedsSitemapsListsAndSearchIndexesAreRead() {
        let text = """
            <url><loc>https://h/zwgk/a/</loc></url><item><link>https://h/zwgk/b/</link><guid>https://h/zwgk/c/</guid></item>
            <a href='/zwgk/d/'>d</a><a href=/zwgk/e/>e</a>{"permalink": "/zwgk/f/"}
            """
        #expect(
            StaleLinkCheck.links(in: Array(text.utf8)).sorted() == [
                "/zwgk/d/", "/zwgk/e/", "/zwgk/f/", "https://h/zwgk/a/", "https://h/zwgk/b/", "https://h/zwgk/c/",
            ])
    }
}

@Suite struct SiteStateTests {
    /// The state asks git for the site's commit, waited for off Swift's pool.
    @Test func anyChangeToAPageChangesTheState() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(lettersOnlyName())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("a.md")
        try Data("正文\n".utf8).write(to: page)
        let layout = SiteLayout(root: root.path)
        let capture = { @Sendable (pages: [String]) in await OwnThreads.run { SiteState.capture(layout: layout, pages: pages) } }
        let before = await capture([page.path])
        #expect(before.gitCommit == nil && before.files == 1)
        #expect(await capture([page.path]).change(since: before) == nil)
        try Data("正文。\n".utf8).write(to: page)
        #expect(await capture([page.path]).change(since: before)?.contains("changed") == true)
        let added = root.appendingPathComponent("b.md")
        try Data("正文\n".utf8).write(to: page)
        try Data("x\n".utf8).write(to: added)
        #expect(await capture([page.path, added.path]).change(since: before) != nil)
    }
}

@Suite struct SweepMetadataTests {
    /// Keys seen in real disclosure tables: 发文文号, 公文时效, 实施日期, 签发日期.
    @Test func disclosureTableKeysSitesUse() {
        let m = PageMetadata(["发文文号": "示政发〔2020〕33号", "公文时效": "失效", "实施日期": "2019-12-30", "签发日期": "2019-12-17"])
        #expect(m.documentNumber == "示政发〔2020〕33号" && m.validity == "失效")
        #expect(m.effectiveDate == SimpleDate(year: 2019, month: 12, day: 30) && m.writtenDate == SimpleDate(year: 2019, month: 12, day: 17))
    }

    @Test func operationsLogWritesCountsAsNumbers() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(lettersOnlyName()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let runID = OperationsLog.newRunID()
        #expect(try runID.wholeMatch(of: Regex(#"sweep-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}"#)) != nil)
        try OperationsLog(path: file.path, runID: runID).log(action: "plan", message: "m", fields: ["pubgate.purge": 3, "rule.id": "E-01"])
        let line = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        #expect(line["pubgate.purge"] as? Int == 3 && line["rule.id"] as? String == "E-01" && line["pubgate.run_id"] as? String == runID)
    }
}

@Suite struct SweepCommitTests {
    @Test func theMessageNamesTheRunThePlanAndTheNumbersMasked() {
        let item = SweepItem(
            path: "p", sitePath: "content/a.md", sha256: "", bytes: 0, action: .purge, rule: "E-02-SUPERSEDED", reason: "superseded",
            label: nil, evidence: [:], title: nil, documentNumber: "测公发〔2021〕6号", rendered: [])
        let odd = SweepItem(
            path: "q", sitePath: "content/b.md", sha256: "", bytes: 0, action: .purge, rule: "E-STATUS-EXPIRED", reason: "validity_expired",
            label: nil, evidence: [:], title: nil, documentNumber: "测公发〔2021〕13912345678号", rendered: [])
        let plan = SweepPlan(
            runID: "sweep-plan", asOf: reviewDate, site: "/s", siteState: SiteState(gitCommit: nil, gitDirty: nil, contentSHA256: "", files: 0),
            pages: 2, purge: [item, odd], relabel: [], review: [], unreadable: [:])
        let m = SweepCommit.message(
            runID: "sweep-run", plan: plan, planSHA256: "abc", removed: [item, odd], relabelled: [], archive: "/o/bag.tar.gz")
        #expect(m.hasPrefix("pubgate sweep: remove 2 pages, relabel 0 (sweep-run)\n"))
        #expect(m.contains("Plan: sweep-plan (sha256 abc)") && m.contains("Archive: bag.tar.gz") && m.contains("测公发〔2021〕6号"))
        #expect(!m.contains("13912345678"))
        #expect(SweepCommit.parse("Robot <r@x.invalid>") == ("Robot", "r@x.invalid") && SweepCommit.parse("").0 == "pubgate sweep")
    }
}
