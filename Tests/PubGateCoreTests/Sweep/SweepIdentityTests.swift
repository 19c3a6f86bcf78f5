import Foundation
import Testing

@testable import PubGateCore

/// Plans a site made of `files` (site path → text) as of `asOf`; off Swift's pool, since the plan
/// asks git for the site's state.
func planSite(_ files: [String: String], asOf: SimpleDate = reviewDate) async throws -> SweepPlan {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-site-\(lettersOnlyName())")
    defer { try? FileManager.default.removeItem(at: root) }
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return await OwnThreads.run { [root] in SweepRun(configuration: shippedConfiguration, asOf: asOf).plan(SiteLayout(root: root.path), runID: "test")
    }
}

extension SweepPlan {
    func item(_ sitePath: String) -> SweepItem? {
        (purge + relabel + review).first { $0.sitePath == sitePath }
    }
}

/// Pages are linked by canonical 文号 first (issue 20): titles never outrank what a page declares,
/// and a link that cannot be confirmed is a review item, never a purge.
@Suite struct SweepIdentityTests {
    static let title = "示范市公安局关于犬类管理的规定"

    /// The repealed 2019 rule and the 2026 rule that replaces it under the same title.
    static func rules(repealSentence: String = "原《示范市公安局关于犬类管理的规定》（示政规〔2019〕3号）同时废止。") -> [String: String] {
        [
            "content/gfxwj/old.md": """
            ---
            title: \(title)
            date: 2019-03-01
            params:
              xxgk:
                doc_no: 示政规〔2019〕3号
                catalog: 规范性文件
                validity: 有效
            ---
            第十条　本规定自2019年3月1日起施行，有效期10年。
            """,
            "content/gfxwj/new.md": """
            ---
            title: \(title)
            date: 2025-01-10
            params:
              xxgk:
                doc_no: 示政规〔2026〕1号
                catalog: 规范性文件
                validity: 有效
            ---
            第十二条　本规定自2025年2月1日起施行，有效期5年。\(repealSentence)
            """,
        ]
    }

    static func interpretation(_ front: String, body: String = "一、出台背景：规范养犬行为。") -> String {
        """
        ---
        title: 《\(title)》政策解读
        date: 2025-01-11
        params:
          xxgk:
            catalog: 政策解读
        \(front)
        ---
        \(body)
        解读单位：治安支队
        解读人：何志强
        解读电话：024-42286412
        """
    }

    /// The wrong purge of issue 20: a current 解读 declaring `interprets: "示政规〔2026〕1号"` shares
    /// its title with the repealed 2019 rule; it stays, the 2019 rule goes.
    @Test func aCurrentInterpretationSharingTheRepealedRulesTitleStays() async throws {
        var site = Self.rules()
        site["content/zcjd/jd.md"] = Self.interpretation("    interprets: \"示政规〔2026〕1号\"")
        let plan = try await planSite(site)
        #expect(plan.item("content/gfxwj/old.md")?.action == .purge)
        #expect(plan.item("content/gfxwj/old.md")?.evidence["matched_by"] == "document_number")
        #expect(plan.item("content/zcjd/jd.md") == nil, "\(plan.item("content/zcjd/jd.md").map { "\($0.action) \($0.rule) \($0.evidence)" } ?? "")")
        #expect(plan.item("content/gfxwj/new.md") == nil)
    }

    @Test func anInterpretationDeclaringTheRepealedRuleGoesWithIt() async throws {
        var site = Self.rules()
        site["content/zcjd/jd.md"] = Self.interpretation("    interprets: \"示政规〔2019〕3号\"")
        let item = try #require(try await planSite(site).item("content/zcjd/jd.md"))
        #expect(item.action == .purge && item.rule == "E-08-INTERPRETATION")
        #expect(item.evidence["interprets"] == "content/gfxwj/old.md" && item.evidence["interprets_declared"] == "declared")
    }

    /// A 所解读文件 line in the body names the document when there is no declaration.
    @Test func aLineNamingTheInterpretedDocumentLinksByItsNumber() async throws {
        var site = Self.rules()
        site["content/zcjd/current.md"] = Self.interpretation("", body: "所解读文件：《\(Self.title)》（示政规〔2026〕1号）")
        site["content/zcjd/old.md"] = Self.interpretation("", body: "所解读文件：《\(Self.title)》（示政规〔2019〕3号）")
        let plan = try await planSite(site)
        #expect(plan.item("content/zcjd/current.md") == nil)
        #expect(plan.item("content/zcjd/old.md")?.action == .purge)
        #expect(plan.item("content/zcjd/old.md")?.evidence["interprets_declared"] == "line")
    }

    /// Without any declaration the title 《…》 fits both rules: a person decides.
    @Test func anInterpretationKnownOnlyByATitleTwoRulesShareIsAReviewItem() async throws {
        var site = Self.rules()
        site["content/zcjd/jd.md"] = Self.interpretation("")
        let item = try #require(try await planSite(site).item("content/zcjd/jd.md"))
        #expect(item.action == .review && item.rule == "E-08-INTERPRETATION")
        #expect(item.evidence["doubt"]?.contains("cannot tell") == true)
    }

    /// …but a 文号 the 解读 cites in its body tells which of the two it explains.
    @Test func aNumberTheInterpretationCitesConfirmsTheTitle() async throws {
        var site = Self.rules()
        site["content/zcjd/jd.md"] = Self.interpretation("", body: "《\(Self.title)》（示政规〔2026〕1号）已经印发。")
        #expect(try await planSite(site).item("content/zcjd/jd.md") == nil)
    }

    /// A 解读 of the new rule that mentions the old rule's 文号 only to say it is repealed is still
    /// the new rule's 解读.
    @Test func theNumberOfARuleTheInterpretationRetiresDoesNotConfirmIt() async throws {
        var site = Self.rules()
        site["content/zcjd/jd.md"] = Self.interpretation(
            "", body: "本规定施行后，原《\(Self.title)》（示政规〔2019〕3号）同时废止。")
        let item = try await planSite(site).item("content/zcjd/jd.md")
        #expect(item?.action != .purge, "\(item.map { "\($0.rule) \($0.evidence)" } ?? "")")
    }

    /// 原《…》同时废止 without a 文号, while the old page has one: not a purge, a review.
    @Test func aRepealByTitleOfAPageWithANumberIsAReviewItem() async throws {
        let plan = try await planSite(Self.rules(repealSentence: "原《\(Self.title)》同时废止。"))
        let item = try #require(plan.item("content/gfxwj/old.md"))
        #expect(item.action == .review && item.rule == "E-02-SUPERSEDED")
        #expect(plan.purge.isEmpty)
    }

    @Test func aRepealByTitleOfAPageWithoutANumberIsAPurge() async throws {
        var site = Self.rules(repealSentence: "《关于烟花爆竹燃放管理的通告》同时废止。")
        site["content/tzgg/fireworks.md"] = "---\ntitle: 关于烟花爆竹燃放管理的通告\ndate: 2018-01-05\n---\n春节期间禁止燃放。\n"
        let item = try #require(try await planSite(site).item("content/tzgg/fireworks.md"))
        #expect(item.action == .purge && item.evidence["matched_by"] == "title")
    }

    /// A repeal takes effect with the repealing page's provisions (or on the day it states).
    @Test func aRepealTakesEffectWhenTheRepealingPageDoes() async throws {
        let site = Self.rules()
        #expect(try await planSite(site, asOf: SimpleDate(year: 2025, month: 1, day: 20)!).item("content/gfxwj/old.md") == nil)
        #expect(try await planSite(site, asOf: SimpleDate(year: 2025, month: 2, day: 1)!).item("content/gfxwj/old.md")?.action == .purge)
        let later = Self.rules(repealSentence: "《\(Self.title)》（示政规〔2019〕3号）自2025年6月1日起废止。")
        #expect(try await planSite(later, asOf: SimpleDate(year: 2025, month: 5, day: 31)!).item("content/gfxwj/old.md") == nil)
        let due = try #require(try await planSite(later, asOf: SimpleDate(year: 2025, month: 6, day: 1)!).item("content/gfxwj/old.md"))
        #expect(due.evidence["repealed_from"] == "2025-06-01")
    }

    /// 根据《关于废止…的决定》（…号）: the words inside the title and the basis clause repeal nothing.
    @Test func aCitedTitleAndABasisClauseRepealNothing() async throws {
        var site = Self.rules(repealSentence: "根据《关于废止部分规范性文件的决定》（示政规〔2019〕3号）有关要求，制定本规定。")
        site["content/tzgg/x.md"] = "---\ntitle: 通知\ndate: 2025-03-01\n---\n根据《示范市公安局关于犬类管理的规定》（示政规〔2019〕3号）停止执行的要求，做好衔接。\n"
        #expect(try await planSite(site).item("content/gfxwj/old.md") == nil)
    }

    /// Clean-up results: 修改后继续有效 relabels 已修改, 继续有效 without a date turns an over-age
    /// page into a review, 重新计算有效期 restarts the period, 以本通知为准 is a review.
    @Test func cleanUpResultsInTheirOwnWords() async throws {
        func rule(_ number: String, _ name: String, year: Int) -> String {
            "---\ntitle: 示范市公安局关于\(name)的规定\ndate: \(year)-01-10\nparams:\n  xxgk:\n    doc_no: \(number)\n    catalog: 规范性文件\n---\n本规定自\(year)年2月1日起施行。\n"
        }
        let site: [String: String] = [
            "content/gf/a.md": rule("示公规〔2015〕1号", "旅馆业管理", year: 2015),
            "content/gf/b.md": rule("示公规〔2022〕2号", "保安服务管理", year: 2022),
            "content/gf/c.md": rule("示公规〔2017〕3号", "印章刻制管理", year: 2017),
            "content/gf/d.md": rule("示公规〔2023〕4号", "停车场管理", year: 2023),
            "content/tz/cleanup.md": """
            ---
            title: 示范市公安局关于公布规范性文件清理结果的通知
            date: 2024-12-20
            ---
            一、继续有效的规范性文件
            1.《示范市公安局关于旅馆业管理的规定》（示公规〔2015〕1号）
            二、修改后继续有效的规范性文件
            1.《示范市公安局关于保安服务管理的规定》（示公规〔2022〕2号）
            三、经评估继续有效，自本通知公布之日起重新计算有效期的规范性文件
            1.《示范市公安局关于印章刻制管理的规定》（示公规〔2017〕3号）
            四、其他
            《示范市公安局关于停车场管理的规定》（示公规〔2023〕4号）与本通知不一致的，以本通知为准。
            """,
        ]
        let plan = try await planSite(site)
        let a = try #require(plan.item("content/gf/a.md"))
        #expect(a.action == .review && a.rule == "E-01-NORMATIVE-AGE" && a.evidence["renewed_by"] == "content/tz/cleanup.md")
        let b = try #require(plan.item("content/gf/b.md"))
        #expect(b.action == .relabel && b.rule == "E-02-AMENDED" && b.label == "已修改")
        #expect(plan.item("content/gf/c.md") == nil, "restarted 2024-12-20 + 5 years")
        let d = try #require(plan.item("content/gf/d.md"))
        #expect(d.action == .review && d.rule == "E-02-PARTLY-REPLACED")
        #expect(plan.purge.isEmpty)
    }

    /// A clean-up table as CMS pages lay it out: 序号 / 文件名称 / 文号 cells, the title without 《》.
    @Test func aCleanUpTableRepealsByTheNumberInItsCells() async throws {
        let site: [String: String] = [
            "content/gf/old.html": """
            <html><head><title>关于城市道路停车管理的通知</title></head><body>
            <table><tr><td>文号：</td><td>示政发〔2014〕8号</td></tr></table><p>自2014年3月1日起施行。</p></body></html>
            """,
            "content/tz/decision.html": """
            <html><head><title>示范市人民政府关于废止部分规范性文件的决定</title></head><body>
            <p>经清理，决定废止以下规范性文件：</p>
            <table><tr><td>序号</td><td>文件名称</td><td>文号</td></tr>
            <tr><td>1</td><td>关于城市道路停车管理的通知</td><td>示政发〔2014〕8号</td></tr></table>
            <p>本决定自公布之日起施行。</p></body></html>
            """,
        ]
        let item = try #require(try await planSite(site).item("content/gf/old.html"))
        #expect(item.action == .purge && item.rule == "E-02-SUPERSEDED" && item.evidence["matched_by"] != "title")
    }
}

@Suite struct ValidityPhrasingTests {
    func statement(_ text: String, title: String = "规定") -> ValidityStatement {
        ValidityStatement(text: text, title: title, phrasebook: shippedPhrasebook)
    }

    @Test func chineseNumeralDatesAndPeriods() {
        let v = statement("本规定自二〇二一年三月一日起施行，有效期两年。")
        #expect(v.effectiveDate == SimpleDate(year: 2021, month: 3, day: 1) && v.years == 2)
        #expect(statement("有效期截止到二〇二七年六月三十日。").validUntil == SimpleDate(year: 2027, month: 6, day: 30))
    }

    /// 自发布之日起30日后施行: the wait is not part of the period.
    @Test func effectThirtyDaysAfterIssue() {
        let v = statement("本办法自发布之日起30日后施行，有效期2年。")
        #expect(v.effectiveOnIssue && v.daysAfterIssue == 30)
        let t = ValidityTerm.of(v, effectiveDate: nil, writtenDate: SimpleDate(year: 2023, month: 1, day: 1), defaults: nil)
        #expect(t?.expiresOn == SimpleDate(year: 2025, month: 1, day: 31))
    }

    @Test func publicityWindowsAsSitesWriteThem() {
        func last(_ text: String) -> SimpleDate? {
            PublicityWindow.read(
                Array(Normalizer.normalized(text).utf8), published: SimpleDate(year: 2025, month: 4, day: 14), calendar: WorkdayCalendar(),
                phrasebook: shippedPhrasebook)?.lastDay
        }
        #expect(last("公示时间：2025年4月14日——2025年4月18日") == SimpleDate(year: 2025, month: 4, day: 18))
        #expect(last("名单在本局网站公示，时间为2025年4月14日至4月20日。") == SimpleDate(year: 2025, month: 4, day: 20))
        #expect(last("公示期为5个工作日（2025年4月14日—4月18日）。") == SimpleDate(year: 2025, month: 4, day: 18))
        #expect(last("现予公示，公示期为五个工作日。") == SimpleDate(year: 2025, month: 4, day: 18))
        #expect(last("现进行公示（5个工作日），如有不同意见，请于2025年4月21日前反映。") == SimpleDate(year: 2025, month: 4, day: 18))
        #expect(last("现予公示。如有异议，请于4月25日前向本局反映。") == SimpleDate(year: 2025, month: 4, day: 25))
        #expect(last("公示期不少于5个工作日。") == nil)
    }

    @Test func aBrokenExampleStopsTheRun() {
        let yaml = """
            triggers: []
            phrasings:
              - id: P-X
                kind: period
                pattern: '有效期(?<years>[0-9]+)年'
                examples:
                  match: ['有效期五年']
            """
        #expect { try ExpiryRules.parse(yaml, file: "e.yaml") } throws: { "\($0)".contains("P-X") && "\($0)".contains("does not match") }
        let missingGroup = yaml.replacingOccurrences(of: "(?<years>[0-9]+)", with: "([0-9]+)")
        #expect { try ExpiryRules.parse(missingGroup, file: "e.yaml") } throws: { "\($0)".contains("(?<years>") }
    }
}
