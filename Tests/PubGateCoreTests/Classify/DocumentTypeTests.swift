import Testing
@testable import PubGateCore

@Suite struct DocumentTypeTests {
    func type(_ text: String, name: String = "a.md") -> DocumentType {
        classify(text, name: name).docType
    }

    @Test(arguments: [
        ("本溪市公安局通缉令（本公缉〔2025〕3号）", DocumentType.wanted),
        ("关于公开悬赏缉捕犯罪嫌疑人张某某的通告_本溪市公安局", .wanted),
        ("关于“6·12”系列盗窃案悬赏通告奖金发放情况的公示", .publicity),
        ("《本溪市公安局关于电动自行车登记管理的规定》政策解读", .interpretation),
        ("一图读懂《关于电动自行车登记管理的规定》", .interpretation),
        ("关于市政协十四届四次会议第108号提案的答复", .proposalReply),
        ("关于公开征求《停放秩序管理规定（征求意见稿）》意见的公告", .consultation),
        ("本溪市公安局平山分局行政处罚决定书", .penalty),
        ("2025年招聘警务辅助人员拟聘用人员公示", .publicity),
        ("本溪市公安局关于调整暑期户籍业务办理时间的通告", .notice),
        ("6月上旬全市电信网络诈骗警情通报及防范提示", .news),
    ])
    func titleCues(title: String, expected: DocumentType) {
        #expect(type("---\ntitle: \"\(title)\"\n---\n正文。\n") == expected)
    }

    @Test func normativeNeedsARegistrationNumberOrItsColumn() {
        let withRegistration = "---\ntitle: 本溪市公安局关于规范旅馆业治安管理的若干规定\nreg_no: BXGS-2025-005\n---\n正文。\n"
        let withoutRegistration = "---\ntitle: 本溪市公安局机关公务用车使用规定\ndoc_no: 本公发〔2025〕13号\n---\n正文。\n"
        let byColumn = "---\ntitle: 关于加强管理的规定\ncatalog: 行政规范性文件\n---\n正文。\n"
        #expect(type(withRegistration) == .normative)
        #expect(type(withoutRegistration) == .news)
        #expect(type(byColumn) == .normative)
    }

    @Test func penaltyIsRecognisedFromItsDocumentNumber() {
        #expect(type("---\ntitle: 决定书\ndoc_no: 平公行罚决〔2025〕186号\n---\n正文。\n") == .penalty)
    }

    /// A 文书 puts its title above its 文号 (通缉令, 答复书): the title is that line, not the first
    /// sentence after the 文号.
    @Test func aTitleAboveTheDocumentNumberIsTheTitle() {
        let doc = classify("大连市公安局通缉令\n大公刑缉字〔2024〕8号\n\n2024年6月1日，甘井子区发生一起故意伤害案。\n", name: "a.txt")
        #expect(doc.docType == .wanted && doc.title == "大连市公安局通缉令")
        #expect(doc.elements.documentNumber?.text == "大公刑缉字〔2024〕8号")
        let gongwen = classify("本溪市公安局文件\n本公发〔2025〕3号\n关于调整户籍业务办理时间的通知\n各分局：\n", name: "a.txt")
        #expect(gongwen.title == "关于调整户籍业务办理时间的通知")
    }

    @Test func untitledTextIsOther() {
        #expect(type("", name: "a.txt") == .other)
    }

    @Test func brokenCuePatternNamesFileAndEntry() {
        let yaml = "version: 1\ndoc_types:\n  - type: notice\n    cues:\n      - title: \"(通知\"\n"
        #expect {
            try DocumentTypeRules.parse(yaml, file: "classify.yaml")
        } throws: { error in
            "\(error)".contains("classify.yaml") && "\(error)".contains("doc_types[0] (notice) cues[0].title")
        }
    }

    @Test func unknownTypeAndKeyAreErrors() {
        #expect(throws: ConfigurationError.self) {
            try DocumentTypeRules.parse("doc_types:\n  - type: memo\n    cues: [{title: 备忘}]\n", file: "c.yaml")
        }
        #expect(throws: ConfigurationError.self) {
            try DocumentTypeRules.parse("doc_types:\n  - type: notice\n    cues: [{titel: 通知}]\n", file: "c.yaml")
        }
    }
}
