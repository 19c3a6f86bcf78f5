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
        ("6月上旬全市电信网络诈骗警情通报及防范提示", .policeBulletin),
        ("桐乡市公安局2023年政府信息公开工作年度报告", .annualReport),
        ("市政府及市政府部门重大政策文件解读制度", .normative),
        ("县政府召开《2025年政府工作报告(征求意见稿)》征求意见会", .meeting),
        ("某某民宿店不服《行政处罚决定书》行政复议案", .other),
        // A 通报 a police organ issues about its own work; its commendations are notices.
        ("县公安局关于冬季道路交通安全整治行动的情况通报", .policeBulletin),
        ("县公安局关于表彰2024年度先进集体的通报", .notice),
        // The genre word the title ends with decides over its subject: a rule about penalties or
        // publicity is a regulation.
        ("市场监督管理行政处罚信息公示规定(2021年)", .normative),
        ("党政领导干部任前公示制暂行规定", .normative),
    ])
    func titleCues(title: String, expected: DocumentType) {
        #expect(type("---\ntitle: \"\(title)\"\n---\n正文。\n") == expected)
    }

    @Test func normativeNeedsARegistrationNumberOrItsColumn() {
        let withRegistration = "---\ntitle: 本溪市公安局关于规范旅馆业治安管理的若干规定\nreg_no: BXGS-2025-005\n---\n正文。\n"
        let withoutRegistration = "---\ntitle: 本溪市公安局机关公务用车使用规定\ndoc_no: 本公发〔2025〕13号\n---\n正文。\n"
        let byColumn = "---\ntitle: 关于加强管理的规定\ncatalog: 行政规范性文件\n---\n正文。\n"
        let byCategoryKey = "---\ntitle: 关于加强出租房屋管理的意见\n文种: 规范性文件\n---\n正文。\n"
        let byRegistrationNumber = "---\ntitle: 关于加强出租房屋管理的意见\ndoc_no: 示公规〔2024〕3号\n---\n正文。\n"
        #expect(type(withRegistration) == .normative)
        // An office's own housekeeping rules bind no citizen: internal management, not 规范性文件.
        #expect(type(withoutRegistration) == .other)
        #expect(type(byColumn) == .normative)
        #expect(type(byCategoryKey) == .normative)
        #expect(type(byRegistrationNumber) == .normative)
    }

    /// A 通知 filed in the 规范性文件 column is a 规范性文件: the column refines the generic genre.
    @Test func aColumnRefinesAGenericTitle() {
        #expect(type("---\ntitle: 关于调整就业见习补贴标准的通知\ncatalog: 规范性文件\n---\n正文。\n") == .normative)
        #expect(type("---\ntitle: 关于调整就业见习补贴标准的通知\ncatalog: 通知公告\n---\n正文。\n") == .notice)
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

    /// Archived pages often lose their title: the genre is then read from the body, where several
    /// phrases of one genre must agree (one phrase is a mention).
    @Test func untitledPagesAreTypedByTheirBody() {
        let penalty = "<p>当事人名称:某某塑料制品有限公司</p><p>统一社会信用代码:91211381MA10KLB056</p><p>经查，你单位存在下列违法行为：环保设施未经验收即投入生产。</p><p>我局决定对你单位作出罚款人民币二十万元的行政处罚。</p>"
        #expect(type(penalty, name: "a.html") == .penalty)
        let control = "<p>2025年高考定于6月7日至9日举行。</p><p>一、管制时间</p><p>6月7日至8日上午8时至12时。</p><p>二、管制路段</p><p>中学周边路段。</p><p>特此通告。</p>"
        #expect(type(control, name: "b.html") == .notice)
        let mention = "<p>会上通报了近期一起行政处罚案件的情况。</p>"
        #expect(type(mention, name: "c.html") == .other)
    }

    /// The breadcrumb names the column, and the column the type; a date bar is not a title.
    @Test func chromeGivesTheColumnAndIsNotTheTitle() {
        let page = "<p>当前位置：首页 &gt; 政务公开 &gt; 政策解读</p><p>发布时间：2025-03-28 来源：县政府办</p><p>关于《某某办法》的说明</p><p>为便于理解，现说明如下。</p>"
        let doc = classify(page, name: "a.html")
        #expect(doc.docType == .interpretation)
        #expect(doc.metadata.categories == ["政务公开", "政策解读"])
        #expect(doc.title == "关于《某某办法》的说明")
    }

    /// A site section gives pages without a genre in their title their type.
    @Test func aSectionGivesItsType() {
        let classifier = Classifier(
            types: shippedConfiguration.documentTypes, phrasebook: shippedPhrasebook, sections: [SiteSection(path: "zwgk/xzcf/**", type: .penalty)])
        let doc = classifier.classify(IngestStage().run(RawInput(path: "site/zwgk/xzcf/2025/a.txt", bytes: Array("某某公司\n正文。\n".utf8))))
        #expect(doc.docType == .penalty)
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
