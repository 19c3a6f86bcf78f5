import Testing

@testable import PubGateCore

@Suite struct PublicationCheckTests {
    func findings(_ text: String, name: String = "a.md", settings: Settings = shippedSettings) -> [Finding] {
        PublicationCheck(settings: settings, asOf: reviewDate).findings(for: classify(text, name: name))
    }

    func interpretation(_ tail: String) -> String {
        "---\ntitle: 一图读懂《本溪市公安局关于电动自行车登记管理的规定》\n---\n正文。\n\(tail)"
    }

    @Test func interpretationWithAllThreeFieldsPasses() {
        #expect(findings(interpretation("解读单位：市公安局交警支队\n解读人：刘建军\n解读电话：024-42171135\n")).isEmpty)
    }

    @Test func interpretationNamesTheMissingFields() throws {
        let found = findings(interpretation("解读单位：市公安局交警支队\n"))
        let f = try #require(found.first)
        #expect(found.count == 1 && f.kind == .interpretationFields && f.severity == .fix)
        #expect(f.message.contains("解读人") && f.message.contains("解读电话") && !f.message.contains("解读单位"))
    }

    @Test func emptyFieldValuesDoNotCount() {
        let found = findings(interpretation("解读单位：\n解读人：\n解读电话：\n"))
        #expect(found.map(\.kind) == [.interpretationFields])
    }

    @Test(arguments: [
        ("关于市政协十四届四次会议第108号提案的答复", true),
        ("关于市十七届人大五次会议第56号建议的答复", true),
        ("关于市十七届人大五次会议第56号建议（加强中小学校园周边交通秩序管理）的答复", false),
        ("对市政协十四届四次会议《关于加强老旧小区消防安全管理的提案》的答复", false),
        ("关于加强老旧小区电动自行车管理的提案的答复", false),
    ])
    func proposalTitleNeedsASummary(title: String, flagged: Bool) {
        let kinds = findings("---\ntitle: \"\(title)\"\ncatalog: 建议提案办理\n---\n答复正文。\n").map(\.kind)
        #expect(kinds.contains(.proposalTitle) == flagged)
    }

    /// K-01: a 征求意见 notice gives a long enough period and a way to send comments.
    @Test func consultationNeedsAWindowAndAChannel() {
        let title = "---\ntitle: 关于公开征求《停放秩序管理规定（征求意见稿）》意见的公告\ndate: 2025-06-02\n---\n"
        let good = title + "征求意见时间为2025年6月2日至2025年7月1日。意见请发送至电子邮箱 fzc@bxga.example。\n"
        #expect(findings(good).filter { $0.kind == .consultation }.isEmpty)
        let short = title + "请于2025年6月5日前将意见反馈至市公安局法制支队，电话：024-42171135。\n"
        let shortFound = findings(short).filter { $0.kind == .consultation }
        #expect(shortFound.map(\.ruleID) == ["consultation_window"] && shortFound[0].message.contains("4 working days"))
        let bare = title + "现将草案全文公布，欢迎社会各界提出意见。\n"
        #expect(findings(bare).filter { $0.kind == .consultation }.map(\.ruleID) == ["consultation_window", "consultation_channel"])
    }

    /// A report on a consultation already held (采纳情况的说明) calls for no comments: it has no
    /// window or channel to give, while the call it reports on had to.
    @Test func aConsultationsOutcomeAsksForNothing() {
        let report =
            "---\ntitle: 关于《停放秩序管理规定（征求意见稿）》公开征求意见采纳情况的说明\ndate: 2025-06-02\n---\n"
            + "2025年5月，市公安局就草案向社会公开征求意见，共收到意见23条，采纳9条。\n"
        #expect(classify(report, name: "a.md").docType == .consultation)
        #expect(findings(report).filter { $0.kind == .consultation }.isEmpty)
    }

    /// A due date written as a label and an ISO date, or with the weekday and the hour before 前.
    @Test(arguments: ["截止：2025-07-18", "请于7月18日（星期五）上午下班前反馈"])
    func aDeadlineInAnotherFormIsADeadline(_ due: String) {
        let call =
            "---\ntitle: 关于公开征求《停放秩序管理规定（征求意见稿）》意见的公告\ndate: 2025-06-02\n---\n"
            + "\(due)。意见请发送至电子邮箱 fzc@bxga.example。\n"
        #expect(findings(call).filter { $0.kind == .consultation }.isEmpty)
    }

    /// The statutory minimum is for drafts: a poll with a short period is reported, not blocking.
    @Test func aPollSetsItsOwnPeriod() throws {
        let poll = "---\ntitle: 2025年民生实事候选项目意见征集公告\ndate: 2025-06-02\n---\n公开征求社会意见，时间为2025年6月2日至2025年6月4日。意见请发送至电子邮箱 dcb@bx.example。\n"
        let found = try #require(findings(poll).first { $0.ruleID == "consultation_window" })
        #expect(found.severity == .warn)
        let draft = poll.replacingOccurrences(of: "公开征求社会意见", with: "现就《停放秩序管理规定（征求意见稿）》公开征求社会意见")
        #expect(findings(draft).first { $0.ruleID == "consultation_window" }?.severity == .fix)
        // A plan put up for comment is not a rule unless the notice calls it a 重大行政决策.
        let plan = poll.replacingOccurrences(of: "公开征求社会意见", with: "现就《全民健身周活动方案（征求意见稿）》公开征求社会意见")
        #expect(findings(plan).first { $0.ruleID == "consultation_window" }?.severity == .warn)
        let major = plan.replacingOccurrences(of: "现就", with: "该方案属重大行政决策事项，现就")
        #expect(findings(major).first { $0.ruleID == "consultation_window" }?.severity == .fix)
        // A draft whose notice explains why it shortened the window uses the statute's exception.
        let shortened = draft.replacingOccurrences(of: "时间为", with: "因汛期临近，征求意见期限缩短为3日，时间为")
        #expect(findings(shortened).first { $0.ruleID == "consultation_window" }?.severity == .warn)
    }

    /// A period given by its length alone, or a range written with numeric dates, is a window.
    @Test(arguments: [
        ("征求意见期限为30天。", false), ("本次意见征集为期一个月。", false), ("征求意见时间：2025-06-02至2025-07-01。", false),
        ("征求意见期限为3天。", true), ("征求意见时间：2025.6.2—2025.6.4。", true),
    ])
    func consultationWindowByLengthOrNumericDates(sentence: String, flagged: Bool) {
        let page = "---\ntitle: 关于公开征求《停放秩序管理规定（征求意见稿）》意见的公告\ndate: 2025-06-02\n---\n\(sentence)意见请发送至电子邮箱 fzc@bxga.example。\n"
        #expect(findings(page).contains { $0.ruleID == "consultation_window" } == flagged)
    }

    /// S-FMT-DATE: the body's 成文日期 without padding zeros or Chinese numerals; metadata dates may be padded.
    @Test func writtenDateFollowsGBT9704() throws {
        let body = { (date: String) in "本溪市公安局文件\n本公发〔2025〕3号\n关于调整户籍业务办理时间的通知\n各分局：\n正文。\n本溪市公安局\n\(date)\n（此件公开发布）\n" }
        let padded = findings(body("2025年06月05日"), name: "a.txt").filter { $0.ruleID == "written_date_format" }
        let f = try #require(padded.first)
        // Published as issued: reported, not blocking, unless the site checks drafts before issue.
        #expect(padded.count == 1 && f.severity == .warn && f.message.contains("2025年6月5日") && f.location?.line == 7)
        #expect(findings(body("二〇二五年六月五日"), name: "a.txt").contains { $0.ruleID == "written_date_format" })
        #expect(!findings(body("2025年6月5日"), name: "a.txt").contains { $0.ruleID == "written_date_format" })
    }

    @Test func normativeDocumentNeedsNumberAndDates() throws {
        let complete = """
            ---
            title: 本溪市公安局关于规范旅馆业治安管理的若干规定
            reg_no: BXGS-2025-005
            doc_no: 本公发〔2025〕15号
            written_date: 2025-06-17
            ---
            第七条　本规定自2025年8月1日起施行，有效期5年。
            """
        #expect(findings(complete).isEmpty)
        let bare = "---\ntitle: 关于规范旅馆业治安管理的若干规定\nreg_no: BXGS-2025-005\n---\n第一条　正文。\n"
        let f = try #require(findings(bare).first { $0.ruleID == "normative_fields" })
        #expect(f.message.contains("文号") && f.message.contains("成文日期") && f.message.contains("施行日期"))
    }

    @Test func malformedDocumentNumberIsAFixFindingWithTheCanonicalForm() throws {
        let text = "本溪市公安局文件\n本公通［2025］012号\n关于调整办公地点的通知\n各分局：\n正文。\n本溪市公安局\n2025年6月20日\n（此件公开发布）\n"
        let f = try #require(findings(text, name: "a.txt").first { $0.ruleID == "document_number_format" })
        #expect(f.severity == .warn && f.kind == .format)
        #expect(f.message.contains("本公通〔2025〕12号"))
        #expect(f.location?.line == 2)
        var strict = shippedSettings
        strict.publication.documentNumber.malformed = .fix
        #expect(findings(text, name: "a.txt", settings: strict).first { $0.ruleID == "document_number_format" }?.severity == .fix)
        // 执法文书 are published with the number as issued (行罚决字〔2023〕020号): not judged.
        let penalty = "某县公安局行政处罚决定书\n某公行罚决字〔2023〕020号\n违法行为人：张某某。\n"
        #expect(!findings(penalty, name: "b.txt").contains { $0.ruleID == "document_number_format" })
    }

    @Test func penaltyAgainstAMinorIsBlocked() {
        let minor = "---\ntitle: 行政处罚决定书\n---\n违法行为人：李某，男，2009年3月生。\n现查明……\n本溪市公安局\n2025年6月16日\n"
        let adult = "---\ntitle: 行政处罚决定书\n---\n违法行为人：张某某，男，1984年生。\n现查明：向未成年人出售烟草……\n"
        #expect(findings(minor).contains { $0.ruleID == "penalty_minor" && $0.severity == .block })
        #expect(!findings(adult).contains { $0.ruleID == "penalty_minor" })
        // Minority said of the party is the party's; minors a business let in are the case's object.
        let declared = "---\ntitle: 行政处罚决定书\n---\n违法行为人：李某，男，系未成年人。\n"
        #expect(findings(declared).contains { $0.ruleID == "penalty_minor" })
        let object = "---\ntitle: 行政处罚决定书\n---\n当事人：某某网吧。\n经查，当事人于当晚接纳二名未成年人进入营业场所。\n"
        #expect(!findings(object).contains { $0.ruleID == "penalty_minor" })
    }

    @Test func maskingTemplateIsCheckedOnlyWhenConfigured() {
        let text = "---\ntitle: 行政处罚决定书\n---\n违法行为人：张某某，公民身份号码：210502**********12。\n"
        #expect(!findings(text).contains { $0.ruleID == "penalty_masking_template" })
        var settings = shippedSettings
        settings.masking.residentID = "4+4"
        let found = findings(text, settings: settings).filter { $0.ruleID == "penalty_masking_template" }
        #expect(found.count == 1 && found.first?.kind == .penaltyMasking)
        #expect(found.first?.message.contains("6+2") == true)
        let conforming = "---\ntitle: 行政处罚决定书\n---\n违法行为人：张某某，公民身份号码：2105**********0612。\n"
        #expect(!findings(conforming, settings: settings).contains { $0.ruleID == "penalty_masking_template" })
    }
}

@Suite struct ProposalReplyTests {
    @Test func deputysMobileInAReplyIsBlocked() throws {
        let text = """
            ---
            title: 关于市十七届人大五次会议第56号建议（加强校园周边交通管理）的答复
            disclosure: 主动公开
            ---
            王秀兰代表（联系电话：13941412345）：
            您提出的建议收悉，现答复如下。
            """
        let doc = try #require(try reviewBatch([("reply.md", text)]).document("reply.md"))
        #expect(doc.decision == .reject && doc.disposition == .block)
        #expect(doc.findings.contains { $0.kind == .mobile })
        #expect(!doc.findings.contains { $0.kind == .proposalTitle })
    }
}

/// How real pages write what the publication rules ask for.
@Suite struct PublicationWordingTests {
    func findings(_ text: String, name: String = "a.md") -> [Finding] {
        PublicationCheck(settings: shippedSettings, asOf: reviewDate).findings(for: classify(text, name: name))
    }

    /// A due date without its year takes the notice's own year.
    @Test func aDueDateWithoutItsYearIsADueDate() {
        let notice = "---\ntitle: 关于公开征求《某某办法（征求意见稿）》意见的通知\ndate: 2025-07-15\n---\n请于7月26日前将意见反馈至市交通运输局，邮箱abc@example.org。\n"
        #expect(!findings(notice).contains { $0.ruleID == "consultation_window" })
        let short = "---\ntitle: 关于公开征求《某某办法（征求意见稿）》意见的通知\ndate: 2025-07-15\n---\n请于7月18日前将意见反馈至市交通运输局，邮箱abc@example.org。\n"
        #expect(findings(short).first { $0.ruleID == "consultation_window" }?.message.contains("working days") == true)
    }

    /// A period counted from the notice, in calendar or working days, and in Chinese numerals.
    @Test func aPeriodFromTheNoticeIsAWindow() {
        let head = "---\ntitle: 关于公开征求《某某办法（征求意见稿）》意见的公告\ndate: 2025-07-01\n---\n"
        #expect(!findings(head + "征求意见期限为自公告之日起30日内，意见请以书面形式寄送至市司法局。\n").contains { $0.kind == .consultation })
        #expect(
            findings(head + "自即日起五个工作日内，将意见发送至abc@example.org。\n").first { $0.ruleID == "consultation_window" }?.message.contains("5 working days")
                == true)
        #expect(PublicationCheck.count("三十") == 30 && PublicationCheck.count("十五") == 15 && PublicationCheck.count("7") == 7)
    }

    /// 解读 fields written as a contact line under its heading count; a signature alone does not.
    @Test func interpretationContactLinesCount() {
        let contact = "---\ntitle: 关于《某某实施意见》的政策解读\n---\n一、背景。\n四、政策解读联系方式\n某某市卫生健康局疾控科，孙某雯：0411-85616871\n"
        #expect(!findings(contact).contains { $0.ruleID == "interpretation_fields" })
        let signed = "---\ntitle: 关于《某某通告》的解读\n---\n一、背景。\n某某县公安局交通警察大队\n2025年3月1日\n"
        let f = findings(signed).first { $0.ruleID == "interpretation_fields" }
        #expect(f?.message.contains("解读人") == true && f?.message.contains("解读单位") == false)
    }

    /// The fields are the 解读's own: a site footer's 联系电话 is neither its 解读人 nor its 解读电话.
    @Test func aSiteFooterIsNotTheInterpretationsContact() {
        let page = { (contact: String) in
            "<html><head><title>《某某市居住证办理规定》解读</title></head><body>\n<div>当前位置：首页 > 政务公开 > 政策解读</div>\n"
                + "<h1>《某某市居住证办理规定》解读</h1>\n<p>一、制定背景。为方便群众办理居住证，制定本规定。</p>\n"
                + "<p>二、主要内容。规定明确了申领条件和办理时限。</p>\n<p>某某市公安局</p>\n\(contact)"
                + "<div>关于本站 | 网站地图 | 联系我们 主办单位：某某市公安局 地址：某某市北环路66号 联系电话：0818-3126110 西ICP备11002235号</div>\n</body></html>"
        }
        let bare = findings(page(""), name: "a.html").first { $0.ruleID == "interpretation_fields" }
        #expect(bare?.message.contains("解读人") == true && bare?.message.contains("解读电话") == true)
        let named = page("<p>解读单位：某某市公安局治安支队　解读人：刘文斌　解读电话：0818-3126001</p>\n")
        #expect(findings(named, name: "a.html").first { $0.ruleID == "interpretation_fields" }?.message == nil)
    }
}

/// A basis that ended before the document's date (Rules/repealed.yaml).
@Suite struct OutdatedBasisTests {
    func findings(_ text: String) -> [Finding] {
        PublicationCheck(settings: shippedSettings, asOf: reviewDate, repealed: shippedConfiguration.repealed)
            .findings(for: classify(text, name: "a.md")).filter { $0.ruleID == "outdated_basis" }
    }

    @Test func relyingOnARepealedRuleIsAFinding() {
        let guide = "---\ntitle: 护士执业注册办事指南\ndate: 2024-03-01\n---\n依照《中华人民共和国护士管理办法》第七条，符合条件的可以免于考试。\n"
        let f = findings(guide)
        #expect(f.count == 1 && f.first?.message.contains("护士条例") == true && f.first?.severity == .fix)
    }

    /// Naming a repealed title, or relying on it before it ended, is not.
    @Test func namingOrEarlierRelianceIsNot() {
        #expect(findings("---\ntitle: 关于废止部分规范性文件的决定\ndate: 2024-03-01\n---\n《中华人民共和国合同法》同时废止。\n").isEmpty)
        #expect(findings("---\ntitle: 行政处罚决定书\ndate: 2018-03-01\n---\n违反了《中华人民共和国合同法》第五十二条。\n").isEmpty)
    }

    @Test func aRemovedProvisionIsAFinding() {
        let guide = "---\ntitle: 政府信息公开指南\ndate: 2023-01-01\n---\n申请人根据自身生产、生活、科研等特殊需要，可以申请获取相关政府信息。\n"
        #expect(findings(guide).count == 1)
        let explained = "---\ntitle: 解读\ndate: 2023-01-01\n---\n新条例取消了“生产、生活、科研等特殊需要”的限制。\n"
        #expect(findings(explained).isEmpty)
    }
}

/// A guide copied from another agency's template (GuideAgencyCheck).
@Suite struct GuideAgencyTests {
    func findings(_ text: String) -> [Finding] {
        PublicationCheck(settings: shippedSettings, asOf: reviewDate).findings(for: classify(text, name: "a.md"))
            .filter { $0.ruleID == "guide_wrong_agency" }
    }

    @Test func aGuideSendingApplicantsElsewhereIsAFinding() {
        let head = "---\ntitle: 某某市公安局政府信息公开指南\n---\n某某市公安局主动公开本局机构设置。\n某某市公安局网站为公开平台。\n"
        #expect(findings(head + "申请人可以向另某省公安厅申请获取相关政府信息。\n").count == 1)
        #expect(findings(head + "申请人可以向某某市公安局申请获取相关政府信息。\n").isEmpty)
        #expect(findings(head + "申请人可以向本机关申请获取相关政府信息。\n").isEmpty)
    }
}
