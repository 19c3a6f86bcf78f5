import Testing

@testable import PubGateCore

/// The context principles a rule can ask for instead of a veto per word (issue 17).
@Suite struct ReaderContextTests {
    func kept(_ text: String, rule: String, name: String = "a.txt") -> [Finding] {
        scan(text, name: name).1.filter { $0.ruleID == rule }
    }

    /// A lexicon term inside a longer word is not the term: 布警 in 发布警情.
    @Test func aTermAcrossWordsIsNotTheTerm() {
        #expect(kept("公安机关将及时发布警情通报。", rule: "pol_deployment").isEmpty)
        #expect(kept("当晚实行布警，重点路段设卡检查。", rule: "pol_deployment").map(\.severity).contains(.block))
    }

    /// Forbidding, listing, citing or giving as a basis names a category without disclosing it.
    @Test func mentionsAreLoweredToWarn() {
        let forbidden = kept("严禁在互联网上发布涉及国家秘密、警力部署等内容的信息。", rule: "pol_deployment")
        #expect(forbidden.map(\.severity) == [.warn])
        let listed = kept("当事人未按规定如实记录进货渠道、供应商资质、进货价格和数量。", rule: "cs_third_party_business_data")
        #expect(listed.allSatisfy { $0.severity == .warn })
        let cited = kept("依照《某某局关于公布2021学年考核结果的通知》认定。", rule: "proc_internal_management")
        #expect(cited.map(\.severity) == [.warn])
        // A record named in a sentence is not the record: only a title, heading or field label is.
        #expect(kept("根据区领导批示，为保障困难群众基本生活，决定发放临时救助。", rule: "proc_internal_record").isEmpty)
        #expect(kept("领导批示：请民政局牵头办理。", rule: "proc_internal_record").map(\.severity) == [.review])
    }

    /// What stands before a colon is a heading of content: still a disclosure.
    @Test func aHeadingBeforeContentStaysADisclosure() {
        let heading = kept("二、警力部署：南门设卡点两处。", rule: "pol_deployment")
        #expect(!heading.isEmpty && heading.allSatisfy { $0.severity == .block })
        #expect(kept("民主测评结果：张某某优秀，李某某合格。", rule: "proc_internal_management").map(\.severity) == [.review])
    }

    /// With `sentence`, the sentence is the context for dropping words too: a quota's 招聘 at the
    /// head of the sentence makes every figure of its list of posts a number to hire.
    @Test func aRecruitmentQuotaIsNotADeployment() {
        let quota = "本次计划招聘辅警30名，其中巡逻勤务辅警24名（男性20名，女性4名），窗口服务岗位文职辅警6名，性别不限。"
        #expect(kept(quota, rule: "pol_deployment_numbers").isEmpty)
        #expect(kept("届时抽调民警40名、特警20名设卡检查。", rule: "pol_deployment_numbers").count == 2)
    }

    /// A cell's label is its column's header: an ID rule that needs an ID word nearby finds it
    /// above the column, however many cells stand between.
    @Test func aColumnHeaderIsItsCellsLabel() {
        let table =
            "<html><body><table><tr><th>序号</th><th>姓名</th><th>准考证号</th><th>身份证号</th></tr>\n"
            + "<tr><td>1</td><td>韩某</td><td>Q25100317</td><td>110105491231002</td></tr></table></body></html>"
        #expect(kept(table, rule: "pi_resident_id_15", name: "a.html").count == 1)
        let numbers = table.replacingOccurrences(of: "<th>身份证号</th>", with: "<th>档案编号</th>")
        #expect(kept(numbers, rule: "pi_resident_id_15", name: "a.html").isEmpty)
    }

    /// What the title says of the whole page: a recruitment notice's list of posts is posts to
    /// fill, and a report of a task done tells what happened after the event (lowered, not blocking).
    @Test func theTitleSaysWhatThePageIs() {
        let posts = "二、岗位：巡逻勤务辅警2名，要求具有大专以上文化程度。\n"
        let plan = "关于国庆节期间勤务安排的通知\n\n将于10月1日起抽调民警40名、辅警20名值守。\n" + posts
        #expect(kept(plan, rule: "pol_deployment_numbers").count == 3)
        let recruitment = "梧山市公安局2026年公开招聘警务辅助人员公告\n\n" + posts
        #expect(kept(recruitment, rule: "pol_deployment_numbers").isEmpty)
        let body = "\n\n县公安局制定了周密的安保方案，执勤民警在路口全面设防，整体布控。\n"
        #expect(kept("县公安局关于农民丰收节安保工作的通知" + body, rule: "pol_guard").map(\.severity) == [.block])
        let report = "县公安局圆满完成农民丰收节安保任务" + body
        #expect(kept(report, rule: "pol_guard").map(\.severity) == [.warn])
        #expect(kept(report, rule: "pol_deployment").allSatisfy { $0.severity == .warn })
    }

    /// A name after a role word must be a name: a surname and one or two characters.
    @Test func aRoleWordFollowedByAVerbNamesNobody() {
        #expect(kept("举报人反映，在超市买到的面包已经发霉。", rule: "case_person_role_name").isEmpty)
        #expect(kept("经查，被害人刘晓燕（女，34岁）于当晚报警。", rule: "case_person_role_name").count == 1)
        #expect(Surnames.isPersonalName("欧阳娜娜") && Surnames.isPersonalName("王磊"))
        #expect(!Surnames.isPersonalName("反映") && !Surnames.isPersonalName("王某某") && !Surnames.isPersonalName("张*"))
        // A minority's name: a given name and a father's name joined by a middle dot.
        #expect(Surnames.isPersonalName("热依拉·阿不都") && !Surnames.isPersonalName("热某某·阿某") && !Surnames.isPersonalName("·阿不都"))
    }
}

/// What a page does with a person's name as a whole.
@Suite struct PersonNameTests {
    func findings(_ text: String, name: String = "a.md") -> [Finding] { scan(text, name: name).1 }

    /// The party's name repeated in the title is a finding of its own; body repetitions are listed
    /// on the first finding.
    @Test func aNamedPartyIsNamedWhereverThePageRepeatsIt() {
        let page =
            "<html><head><title>示市监罚〔2021〕175号 王桂芬未取得许可从事经营活动案</title></head><body>\n<p>示市监罚〔2021〕175号 王桂芬未取得许可从事经营活动案</p>\n<p>当事人：王桂芬，性别：女，民族：汉族，年龄：57岁</p>\n<p>经查，王桂芬于2021年3月起在某市场摆摊经营。</p>\n</body></html>"
        let found = findings(page, name: "a.html")
        let repeated = found.filter { $0.ruleID == "case_person_name_repeated" }
        #expect(repeated.count == 2)  // the <title> and the title line
        let first = found.first { $0.ruleID == "case_person_penalty_party" }
        #expect(first?.message.contains("named again on line") == true)
    }

    /// A party masked in one field and named in full in another defeats the mask.
    @Test func aMaskDefeatedByAnotherFieldIsFound() {
        let page = "---\ntitle: 某某市场监督管理局行政处罚决定书\n---\n当事人：石*\n经营场所：某县某街道\n负责人：石磊\n"
        #expect(findings(page).contains { $0.ruleID == "case_person_mask_inconsistent" })
        let consistent = "---\ntitle: 某某市场监督管理局行政处罚决定书\n---\n当事人：石*\n负责人：石*\n"
        #expect(!findings(consistent).contains { $0.ruleID == "case_person_mask_inconsistent" })
    }

    /// A publicity table names each party in its party column: a personal name there, in a row
    /// that shows no business registration, is a natural person named in full.
    @Test func aNaturalPersonInAPublicityTableIsFound() {
        let head =
            "<html><head><title>区市场监督管理局行政处罚信息公示</title></head><body>\n<table>\n<tr><th>决定书文号</th><th>行政相对人名称</th><th>相对人类别</th><th>处罚内容</th></tr>\n"
        let person = "<tr><td>区市监罚〔2025〕8号</td><td>贺春生</td><td>自然人</td><td>罚款1000元</td></tr>\n"
        let masked = "<tr><td>区市监罚〔2025〕9号</td><td>贺某某</td><td>自然人</td><td>罚款1000元</td></tr>\n"
        let business = "<tr><td>区市监罚〔2025〕10号</td><td>贺春生</td><td>个体工商户</td><td>警告</td></tr>\n"
        let firm = "<tr><td>区市监罚〔2025〕11号</td><td>南岭商贸有限公司</td><td>法人及非法人组织</td><td>罚款5000元</td></tr>\n"
        let tail = "</table>\n</body></html>"
        let named = findings(head + firm + person + tail, name: "a.html").filter { $0.ruleID == "case_person_party_column" }
        #expect(named.count == 1 && named.first?.location?.line == 5)
        #expect(!findings(head + masked + business + firm + tail, name: "a.html").contains { $0.ruleID == "case_person_party_column" })
        // The legal representative of a firm is published with it: not a party column.
        let representative =
            "<html><head><title>行政处罚信息公示</title></head><body>\n<table>\n<tr><th>当事人名称</th><th>法定代表人</th></tr>\n<tr><td>南岭商贸有限公司</td><td>贺春生</td></tr>\n</table>\n</body></html>"
        #expect(!findings(representative, name: "a.html").contains { $0.kind == .casePerson })
        // One decision's fields as rows of label and value: the label names the field.
        let fields = { (extra: String) in
            "<html><head><title>行政处罚决定信息公开表</title></head><body>\n<table>\n<tr><td>决定书文号</td><td>区市监罚〔2025〕12号</td></tr>\n<tr><td>当事人</td><td>贺春生</td></tr>\n\(extra)</table>\n</body></html>"
        }
        #expect(findings(fields(""), name: "a.html").filter { $0.ruleID == "case_person_party_column" }.count == 1)
        let registered = fields("<tr><td>统一社会信用代码</td><td>92430124MA4L0B5X1Y</td></tr>\n")
        #expect(!findings(registered, name: "a.html").contains { $0.ruleID == "case_person_party_column" })
    }

    /// Whether a decision punishes a business is read in what the document says: the site's footer
    /// (技术支持：…有限公司) is not the party's registration.
    @Test func aFooterDoesNotMakeThePartyABusiness() {
        let page = { (footer: String) in
            "<html><head><title>行政处罚决定书</title></head><body>\n<h1>县市场监督管理局行政处罚决定书</h1>\n<p>县市监罚〔2025〕41号</p>\n"
                + "<p>当事人：贺春生，经营地址：县农贸市场12号摊位。</p>\n<p>经查，当事人销售超过保质期的食品。</p>\n\(footer)</body></html>"
        }
        let footer = "<div class=\"footer\">主办单位：县人民政府办公室　技术支持：南岭网络科技有限公司　ICP备案号：湘ICP备12345678号</div>\n"
        #expect(findings(page(footer), name: "a.html").contains { $0.ruleID == "case_person_penalty_party_bare" })
        let business = "<p>统一社会信用代码：92430124MA4L0B5X1Y</p>\n"
        #expect(!findings(page(business + footer), name: "a.html").contains { $0.ruleID == "case_person_penalty_party_bare" })
        // A form that puts the code in the cell below its label shows the registration as well.
        let form = "<table><tr><td>统一社会信用代码</td></tr><tr><td>92430124MA4L0B5X1Y</td></tr></table>\n"
        #expect(!findings(page(form + footer), name: "a.html").contains { $0.ruleID == "case_person_penalty_party_bare" })
    }

    /// A decision or a notice serving it, addressed to a natural person, names him in its 主送 line;
    /// one addressed to a business, or on a page that shows the party's registration, does not.
    @Test func aDecisionAddressedToAPersonByNameIsFound() {
        let page = { (addressee: String, extra: String) in
            "<html><head><title>关于公告送达行政处罚决定书的公告</title></head><body>\n<h1>关于公告送达行政处罚决定书的公告</h1>\n"
                + "<p>\(addressee)：</p>\n<p>你于2024年10月起在某街道擅自搭建彩钢板房屋，本局已作出行政处罚决定，现依法向你公告送达。</p>\n\(extra)</body></html>"
        }
        let named = findings(page("贺春生", ""), name: "a.html").filter { $0.ruleID == "case_person_penalty_addressee" }
        #expect(named.count == 1 && named.first?.location?.line == 3)
        #expect(!findings(page("贺某某", ""), name: "a.html").contains { $0.ruleID == "case_person_penalty_addressee" })
        #expect(!findings(page("南岭商贸有限公司", ""), name: "a.html").contains { $0.ruleID == "case_person_penalty_addressee" })
        let registered = page("贺春生", "<p>统一社会信用代码：92430124MA4L0B5X1Y</p>\n")
        #expect(!findings(registered, name: "a.html").contains { $0.ruleID == "case_person_penalty_addressee" })
        // The site's footer (技术支持：…有限公司) says nothing of the party.
        let footer = "<div class=\"footer\">技术支持：南岭网络科技有限公司</div>\n"
        #expect(findings(page("贺春生", footer), name: "a.html").contains { $0.ruleID == "case_person_penalty_addressee" })
    }

    /// A page's tool bar made of links (【字体：大 中 小】) is chrome above the 主送 line, read as the
    /// reader sees it: the links' targets are not part of its text.
    @Test func anAddresseeBelowALinkedToolBarIsFound() {
        let page =
            "<html><head><title>关于公告送达行政处罚决定书的公告</title></head><body>\n<h1>关于公告送达行政处罚决定书的公告</h1>\n"
            + "<div>来源：县综合行政执法局　【字体：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a>】</div>\n"
            + "<p>贺春生：</p>\n<p>你于2024年10月起在某街道擅自搭建彩钢板房屋，本局已作出行政处罚决定，现依法向你公告送达。</p>\n</body></html>"
        let named = findings(page, name: "a.html").filter { $0.ruleID == "case_person_penalty_addressee" }
        #expect(named.count == 1 && named.first?.location?.line == 4)
    }

    /// A name a party field finds (the 主送 line of a 公告送达) is named again wherever the page
    /// repeats it: the title (向贺春生公告送达…) is shown in every list and search result.
    @Test func anAddresseeRepeatedInTheTitleIsAFindingOfItsOwn() {
        let title = "关于向贺春生公告送达行政处罚决定书的公告"
        let page =
            "<html><head><title>\(title)</title></head><body>\n<h1>\(title)</h1>\n"
            + "<p>贺春生：</p>\n<p>你于2024年10月起在某街道擅自搭建彩钢板房屋，本局已作出行政处罚决定，现依法向你公告送达。</p>\n</body></html>"
        let found = findings(page, name: "a.html")
        #expect(found.filter { $0.ruleID == "case_person_penalty_addressee" }.count == 1)
        let repeated = found.filter { $0.ruleID == "case_person_name_repeated" }
        #expect(repeated.count == 2 && repeated.allSatisfy { $0.masked == "贺**" })
    }

    /// A notice serving a decision by publication names its addressee whatever the decision is
    /// (a 责令改正通知书 is no penalty) and wherever the site files it; the heading is the title even
    /// when a metadata table above it gives the issuing agency, which opens the declared title.
    @Test func aServiceByPublicationIsAddressedAsItsDecision() {
        let page =
            "<html><head><title>某区住房和城乡建设局公告送达书_某区人民政府</title></head><body>\n"
            + "<table><tr><td>索引号</td><td>11-2025-0009</td><td>发布机构</td><td>某区住房和城乡建设局</td></tr></table>\n"
            + "<h2>某区住房和城乡建设局公告送达书</h2>\n<p>贺春生：</p>\n"
            + "<p>因你擅自改变房屋承重结构，我局已作出《责令限期改正通知书》，因无法直接送达，现依法公告送达。</p>\n</body></html>"
        let found = findings(page, name: "a.html")
        #expect(found.filter { $0.ruleID == "case_person_penalty_addressee" }.map(\.masked) == ["贺**"])
    }

    /// A 主送 line that masks the party (何某某：) is defeated by the same surname in full beside an
    /// identity detail elsewhere on the page (an attachment's name: …（何建军，身份证号…）).
    @Test func aMaskedAddresseeNamedInFullElsewhereIsFound() {
        let page =
            "<html><head><title>行政处罚决定书公告送达</title></head><body>\n<h1>行政处罚决定书公告送达</h1>\n<p>何某某：</p>\n"
            + "<p>我局对你非法倾倒建筑垃圾一案作出行政处罚决定，因无法直接送达，现依法公告送达。</p>\n"
            + "<p>附件：<a href=\"/a.pdf\">行政处罚决定书（何建军，身份证号4823**********5619）.pdf</a></p>\n</body></html>"
        let found = findings(page, name: "a.html").filter { $0.ruleID == "case_person_mask_inconsistent" }
        #expect(found.map(\.masked) == ["何**"])
    }

    /// A party masked in its field (当事人：陈某某) and named where the account goes on with what he did
    /// (当事人陈国良驾驶…) is named: the two together identify him.
    @Test func aMaskedPartyNamedInTheAccountIsFound() {
        let page =
            "<html><head><title>交通运输行政处罚决定书</title></head><body>\n<h1>交通运输行政处罚决定书</h1>\n<p>当事人：陈某某 性别：男</p>\n"
            + "<p>本机关查明，当事人陈国良驾驶小型客车，于2026年1月6日在客运站出口处招揽乘客，未取得道路运输经营许可。</p>\n</body></html>"
        #expect(findings(page, name: "a.html").filter { $0.ruleID == "case_person_mask_inconsistent" }.map(\.masked) == ["陈**"])
    }

    /// A masked party's surname written as a name on its own anywhere else (the title, an
    /// attachment's name, a table's cell) defeats the mask; a word the surname opens (陈述) and an
    /// officer who shares the surname (执法人员：陈伟) do not.
    @Test func aMaskedPartyNamedAnywhereElseIsFound() {
        let page = { (title: String) in
            "<html><head><title>\(title)</title></head><body>\n<h1>\(title)</h1>\n<p>当事人：陈某某，男。</p>\n"
                + "<p>当事人陈述、申辩的理由不能成立。执法人员：陈伟，执法证号：A0012。</p>\n</body></html>"
        }
        let named = findings(page("关于对陈国良无证经营的行政处罚决定书"), name: "a.html")
        // The page's <title> and its heading.
        #expect(named.filter { $0.ruleID == "case_person_mask_inconsistent" }.map(\.masked) == ["陈**", "陈**"])
        let masked = findings(page("关于对陈某某无证经营的行政处罚决定书"), name: "a.html")
        #expect(!masked.contains { $0.ruleID == "case_person_mask_inconsistent" })
    }

    /// Victims named by what happened to them, or by their tie to the offender.
    @Test func victimsNamedWithoutARoleWordAreFound() {
        #expect(findings("民警成功解救被挟持女子吴晓梅。", name: "a.txt").contains { $0.ruleID == "case_person_victim_named" })
        #expect(!findings("民警成功解救被挟持女子吴某某。", name: "a.txt").contains { $0.kind == .casePerson })
    }
}

@Suite struct MaskStrengthTests {
    /// Masks are judged by how many numbers still fit what they leave visible.
    @Test func weakMasksLeaveFewCandidates() {
        let asOf = reviewDate
        #expect(Validators.maskedIDIsWeak("110105199003****12", asOf: asOf))  // region, birth year and month
        #expect(Validators.maskedIDIsWeak("2103021990010112**", asOf: asOf))
        #expect(Validators.maskedIDIsWeak("3201021990****1234", asOf: asOf))  // a few dozen birthdays
        #expect(!Validators.maskedIDIsWeak("210302********1234", asOf: asOf))  // first 6 + last 4: thousands
        #expect(!Validators.maskedIDIsWeak("2105**********123X", asOf: asOf))
        #expect(!Validators.maskedIDIsWeak("****0519850601****", asOf: asOf))
    }
}

@Suite struct DeploymentPlanTests {
    func severity(_ text: String) -> Severity? {
        scan(text, name: "a.txt").1.first { $0.ruleID == "pol_deployment_numbers" }?.severity
    }

    /// A plan names a date ahead and a task; a quota or a report after the event is neither.
    @Test func onlyPlannedStrengthIsADeployment() {
        #expect(severity("届时，将抽调民警40名在各路口值守。") == .block)
        #expect(severity("2025年计划招聘辅警30名，报名时间为6月1日至6月10日。") == nil)
        #expect(severity("春节期间全市共投入警力2000余名，确保了节日平安。") == nil)
    }
}

/// A table cell is read by its column's header (issue 17).
@Suite struct TableColumnTests {
    @Test func aNumberInADocumentNumberColumnIsNotACard() {
        let table = """
            <table><tr><th>序号</th><th>决定书编号</th><th>姓名</th><th>联系电话</th></tr>
            <tr><td>1</td><td>3714221900083741</td><td>赵**</td><td>13912345678</td></tr></table>
            """
        let found = scan(table, name: "a.html").1
        #expect(!found.contains { $0.kind == .bankCard })
        #expect(found.contains { $0.kind == .mobile })
    }

    /// The first row is the header only when it reads as one: a row of data names no column.
    @Test func aFirstRowOfDataGivesNoHeaders() {
        let doc = classify(
            "<table><tr><td>1</td><td>3714221900083741</td></tr><tr><td>2</td><td>6222021234567890128</td></tr></table>", name: "a.html")
        #expect(doc.normalized.columns.isEmpty)
        let headed = classify("<table><tr><td>编号</td><td>卡号</td></tr><tr><td>1</td><td>6222</td></tr></table>", name: "b.html")
        #expect(headed.normalized.columns.map(\.place) == ["编号", "卡号"])
    }
}
