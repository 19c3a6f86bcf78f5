import Testing

@testable import PubGateCore

@Suite struct WorkdayCalendarTests {
    @Test func weekdaysFollowTheCalendar() {
        #expect(SimpleDate(year: 2025, month: 5, day: 19)!.weekday == 1)
        #expect(SimpleDate(year: 2025, month: 6, day: 29)!.weekday == 7)
        #expect(SimpleDate(year: 2000, month: 1, day: 1)!.weekday == 6)
    }

    @Test func sevenWorkingDaysSkipTheWeekendHolidaysAndCountMakeUpDays() {
        let start = SimpleDate(year: 2025, month: 5, day: 19)!
        #expect(WorkdayCalendar().lastDay(ofWorkdays: 7, from: start) == SimpleDate(year: 2025, month: 5, day: 27))
        let holiday = WorkdayCalendar(holidays: [SimpleDate(year: 2025, month: 5, day: 20)!])
        #expect(holiday.lastDay(ofWorkdays: 7, from: start) == SimpleDate(year: 2025, month: 5, day: 28))
        let makeUp = WorkdayCalendar(workdays: [SimpleDate(year: 2025, month: 5, day: 24)!])
        #expect(makeUp.lastDay(ofWorkdays: 7, from: start) == SimpleDate(year: 2025, month: 5, day: 26))
    }
}

@Suite struct PublicityWindowTests {
    func window(_ text: String, published: SimpleDate? = SimpleDate(year: 2025, month: 5, day: 19)) -> PublicityWindow? {
        PublicityWindow.read(
            Array(Normalizer.normalized(text).utf8), published: published, calendar: WorkdayCalendar(), phrasebook: shippedPhrasebook)
    }

    @Test func explicitRange() {
        #expect(window("公示期：2025年5月6日至2025年5月12日。")?.lastDay == SimpleDate(year: 2025, month: 5, day: 12))
        #expect(window("公示时间为2025年6月25日至7月4日")?.lastDay == SimpleDate(year: 2025, month: 7, day: 4))
    }

    @Test func lengthFromPublication() {
        #expect(window("公示期为7个工作日（自发布之日起计算）。")?.lastDay == SimpleDate(year: 2025, month: 5, day: 27))
        #expect(window("公示期5天。")?.lastDay == SimpleDate(year: 2025, month: 5, day: 23))
        #expect(window("公示期为7个工作日。", published: nil) == nil)
    }

    @Test func otherDatesAreNoWindow() {
        #expect(window("报名时间：2025年7月1日至7月10日。") == nil)
        #expect(window("活动于2025年5月6日至2025年5月12日举行，现予公示。") == nil)
    }
}

@Suite struct RepealReferencesTests {
    func refs(_ body: String) -> RepealReferences {
        RepealReferences(lines: classify("---\ntitle: 通知\n---\n" + body, name: "a.md").lines, title: nil, phrasebook: shippedPhrasebook)
    }

    @Test func sameTitleRepealIsByNumber() {
        let r = refs("本规定自2024年7月1日起施行。《关于网吧治安管理的规定》（本公发［2021］6号）同时废止。")
        #expect(r.repealed.map(\.document) == [CitedDocument(title: "关于网吧治安管理的规定", number: "本公发〔2021〕6号")])
    }

    @Test func cleanUpListSectionsRepealAndRenew() {
        let r = refs(
            """
            一、继续有效的规范性文件
            1.《关于保安服务行业管理的若干规定》（本公发〔2018〕11号），有效期至2028年11月30日；
            2.《关于网吧治安管理的规定》（本公发〔2021〕6号）。
            二、宣布失效的规范性文件
            《关于烟花爆竹销售治安管理的规定》（本公发〔2017〕3号）。
            """)
        #expect(r.repealed.map(\.document.number) == ["本公发〔2017〕3号"])
        #expect(r.renewed.map(\.document.number) == ["本公发〔2018〕11号", "本公发〔2021〕6号"])
        #expect(r.renewed.map(\.until) == [SimpleDate(year: 2028, month: 11, day: 30), nil])
    }

    /// A list introduced by a line (决定废止以下规范性文件：, 附件2：废止的规范性文件目录) runs until
    /// the first line that is no item.
    @Test func listsIntroducedByALineRepealTheirItems() {
        let r = refs(
            """
            经清理，决定废止以下规范性文件：
            1.《关于停车场管理的规定》（鞍公规〔2021〕8号）
            2.《关于旅馆业管理的通知》（鞍公规〔2020〕3号）
            本决定自公布之日起施行，根据《关于规范性文件清理的规定》（鞍公规〔2019〕1号）办理。
            附件2：废止的规范性文件目录
            《关于养犬管理的通告》（鞍公通〔2018〕5号）
            """)
        #expect(r.repealed.map(\.document.number) == ["鞍公规〔2021〕8号", "鞍公规〔2020〕3号", "鞍公通〔2018〕5号"])
    }

    /// Items that name their document by a bare title, as numbered lines or table cells.
    @Test func bareTitlesInAListAreCitedByTitle() {
        let r = refs(
            """
            附件：废止的规范性文件目录
            1.关于城市道路停车管理的通知；
            2.关于加强养犬管理的规定（测公规〔2019〕2号）
            序号
            文件名称
            3
            关于印章刻制业管理的暂行规定
            本决定自公布之日起施行。
            """)
        #expect(
            r.repealed.map(\.document) == [
                CitedDocument(title: "关于城市道路停车管理的通知", number: nil), CitedDocument(title: "关于加强养犬管理的规定", number: "测公规〔2019〕2号"),
                CitedDocument(title: "关于印章刻制业管理的暂行规定", number: nil),
            ])
    }

    /// A chapter heading of a regulation that speaks of 失效 is no clean-up section.
    @Test func aChapterAboutLapsedCertificatesRepealsNothing() {
        let r = refs(
            """
            第四章　证件的失效
            第十条　依照《测试市养犬管理条例》（测政令〔2018〕2号）注销的犬证，自注销之日起失效。
            """)
        #expect(r.repealed.isEmpty)
    }

    @Test func amendmentAndContinuedValidityRepealNothing() {
        #expect(refs("本通告第一条已由《关于修改〈通告〉的决定》（本公发〔2023〕15号）修改，原文废止部分不再执行。").repealed.isEmpty)
        #expect(refs("《关于网吧治安管理的规定》（本公发〔2021〕6号）继续有效，不予废止。").repealed.isEmpty)
    }
}

@Suite struct ExpiryRulesTests {
    @Test func shippedRulesLoad() throws {
        let rules = try ExpiryRules.load(file: packageRoot.appendingPathComponent("Rules/expiry.yaml").path)
        #expect(rules.triggers.contains { $0.id == "E-02-SUPERSEDED" && $0.action == .purge })
        #expect(rules.enabled(.columnAge).isEmpty)
    }

    @Test func unknownTriggerKeyOrActionNamesTheTrigger() {
        #expect {
            try ExpiryRules.parse("triggers:\n  - id: X\n    trigger: validity_status\n    action: delete\n", file: "e.yaml")
        } throws: { "\($0)".contains("e.yaml") && "\($0)".contains("`X`") }
        #expect {
            try ExpiryRules.parse("triggers:\n  - id: X\n    trigger: valid_until\n    action: purge\n    grace: 2\n", file: "e.yaml")
        } throws: { "\($0)".contains("unknown key `triggers[0] (X).grace`") }
        #expect(throws: ConfigurationError.self) {
            try ExpiryRules.parse("triggers:\n  - id: X\n    trigger: age\n    action: purge\n", file: "e.yaml")
        }
    }
}

@Suite struct BagVerifierTests {
    func files(_ extra: [String: String] = [:]) -> [String: [UInt8]] {
        let payload = Array("正文\n".utf8)
        let manifest = "\(BagIt.sha256(payload))  data/a%25b.md\n"
        var f: [String: [UInt8]] = [
            "bag/bagit.txt": Array("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8),
            "bag/bag-info.txt": Array("Payload-Oxum: \(payload.count).1\n".utf8),
            "bag/manifest-sha256.txt": Array(manifest.utf8),
            "bag/data/a%b.md": payload,
        ]
        for (k, v) in extra { f[k] = Array(v.utf8) }
        return f
    }

    @Test func validBagWithAPercentInAName() {
        #expect(BagVerifier.verify(files: files()).isEmpty)
    }

    @Test func unlistedPayloadAndWrongOxumAreReported() {
        let problems = BagVerifier.verify(files: files(["bag/data/extra.md": "x"]))
        #expect(problems.contains("data/extra.md not listed in manifest-sha256.txt"))
        #expect(problems.contains { $0.hasPrefix("Payload-Oxum") })
    }
}

@Suite struct FrontMatterRelabelTests {
    func relabel(_ text: String, _ label: String = "失效") -> String? {
        FrontMatterRelabel.relabel(Array(text.utf8), to: label).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func nestedYAMLValueIsReplacedAndNothingElse() {
        let page = "---\ntitle: 规定\nparams:\n  xxgk:\n    validity: \"有效\"\n---\n正文 validity: 有效\n"
        #expect(relabel(page) == "---\ntitle: 规定\nparams:\n  xxgk:\n    validity: \"失效\"\n---\n正文 validity: 有效\n")
    }

    @Test func tomlAndCRLFAreKept() {
        let page = "+++\r\ntitle = \"规定\"\r\n[params.xxgk]\r\n  validity = \"有效\"\r\n+++\r\n正文\r\n"
        #expect(relabel(page, "废止") == "+++\r\ntitle = \"规定\"\r\n[params.xxgk]\r\n  validity = \"废止\"\r\n+++\r\n正文\r\n")
    }

    @Test func pagesWithoutAFrontMatterFieldAreLeftToTheCMS() {
        #expect(relabel("---\ntitle: 公示\n---\n有效性：有效\n") == nil)
        #expect(relabel("<table><tr><td>有效性：</td><td>有效</td></tr></table>") == nil)
    }
}
