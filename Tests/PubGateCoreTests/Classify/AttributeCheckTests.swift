import Testing

@testable import PubGateCore

@Suite struct AttributeCheckTests {
    func kinds(_ text: String, name: String) -> [FindingKind] {
        AttributeCheck(settings: shippedSettings.attribute).declarationFindings(for: classify(text, name: name)).map(\.kind)
    }

    @Test func annotationDeclaresTheAttribute() {
        #expect(kinds("通知\n正文。\n　　（此件公开发布）\n", name: "a.txt").isEmpty)
    }

    @Test func missingAttributeIsAFixFinding() {
        #expect(kinds("通知\n正文。\n", name: "a.txt") == [.attributeMissing])
    }

    /// docs/domain.md §2.2 (revised on real pages): a 公文 with its 文号 and 主送机关 and no attribute is
    /// blocked; another page is only reported, unless the site asks every page for a written one.
    @Test func aGongwenWithoutAnAttributeIsBlocked() throws {
        let notice = "本溪市公安局文件\n本公发〔2025〕3号\n关于调整户籍业务办理时间的通知\n各分局：\n正文。\n"
        let found = AttributeCheck(settings: shippedSettings.attribute).declarationFindings(for: classify(notice, name: "a.txt"))
        #expect(found.map(\.severity) == [.block])
        let news = AttributeCheck(settings: shippedSettings.attribute).declarationFindings(for: classify("通知\n正文。\n", name: "a.txt"))
        #expect(news.map(\.severity) == [.info])
        var strict = shippedSettings.attribute
        strict.missing = .fix
        #expect(AttributeCheck(settings: strict).declarationFindings(for: classify("通知\n正文。\n", name: "a.txt")).map(\.severity) == [.fix])
    }

    /// Types public by law or by nature imply 主动公开; so does the section a page is filed in.
    @Test func publicByNatureOrBySectionImpliesActive() throws {
        let check = AttributeCheck(settings: shippedSettings.attribute)
        let penalty = classify("某某市场监督管理局行政处罚决定书\n某市监罚〔2025〕12号\n当事人：某某商行\n正文。\n", name: "a.txt")
        #expect(penalty.attributeSummary == "主动公开" && penalty.inherited?.source == "by-nature")
        #expect(check.declarationFindings(for: penalty).map(\.ruleID) == ["attribute_implied"])
        #expect(check.declarationFindings(for: penalty).map(\.severity) == [.info])
        let proclamation = classify("关于调整暑期户籍业务办理时间的通告\n正文。\n", name: "b.txt")
        #expect(proclamation.inherited?.value == .active)
        let classifier = Classifier(
            types: shippedConfiguration.documentTypes, phrasebook: shippedPhrasebook,
            sections: [SiteSection(path: "content/news/**", attribute: .active)])
        let news = classifier.classify(IngestStage().run(RawInput(path: "site/content/news/a.txt", bytes: Array("县里召开会议\n正文。\n".utf8))))
        #expect(news.inherited?.source == "section" && check.declarationFindings(for: news).map(\.severity) == [.info])
        // A declaration wins over what the section or the type would give.
        let declared = classify("行政处罚决定书\n正文。\n（此件依申请公开）\n", name: "c.txt")
        #expect(declared.inherited == nil && declared.attributeSummary == "依申请公开")
    }

    /// C-ATTR-05: 删减后公开 needs a line saying what was removed; the declaration is not one.
    @Test func partialPublicationNeedsARedactionRecord() {
        let bare = "通知\n正文。\n（此件删减后公开）\n"
        #expect(kinds(bare, name: "a.txt") == [.attributePartial])
        let recorded = "通知\n正文。\n依据《条例》第十五条，删除了涉及第三方商业秘密的内容。\n（此件删减后公开）\n"
        #expect(kinds(recorded, name: "a.txt").isEmpty)
    }

    @Test func disagreeingDeclarationsConflictAndTheStricterWins() {
        let html = "<table><tr><th>公开方式：</th><td>主动公开</td></tr></table><p>（此件依申请公开）</p>"
        #expect(kinds(html, name: "a.html") == [.attributeConflict, .attributeNotPublic])
    }

    @Test func frontMatterDisclosureIsRead() {
        #expect(kinds("---\nparams:\n  xxgk:\n    disclosure: 不予公开\n---\n正文", name: "a.md") == [.attributeNotPublic])
    }
}
