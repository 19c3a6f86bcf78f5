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
        let basis = kept("根据区领导批示，为保障困难群众基本生活，决定发放临时救助。", rule: "proc_internal_record")
        #expect(basis.map(\.severity) == [.warn])
    }

    /// What stands before a colon is a heading of content: still a disclosure.
    @Test func aHeadingBeforeContentStaysADisclosure() {
        let heading = kept("二、警力部署：南门设卡点两处。", rule: "pol_deployment")
        #expect(!heading.isEmpty && heading.allSatisfy { $0.severity == .block })
        #expect(kept("民主测评结果：张某某优秀，李某某合格。", rule: "proc_internal_management").map(\.severity) == [.review])
    }

    /// A name after a role word must be a name: a surname and one or two characters.
    @Test func aRoleWordFollowedByAVerbNamesNobody() {
        #expect(kept("举报人反映，在超市买到的面包已经发霉。", rule: "case_person_role_name").isEmpty)
        #expect(kept("经查，被害人刘晓燕（女，34岁）于当晚报警。", rule: "case_person_role_name").count == 1)
        #expect(Surnames.isPersonalName("欧阳娜娜") && Surnames.isPersonalName("王磊"))
        #expect(!Surnames.isPersonalName("反映") && !Surnames.isPersonalName("王某某") && !Surnames.isPersonalName("张*"))
    }
}
