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

    /// domain-spec §2.2: missing is FIX for news, BLOCK for a 公文 (here a notice with its 文号).
    @Test func aGongwenWithoutAnAttributeIsBlocked() throws {
        let notice = "本溪市公安局文件\n本公发〔2025〕3号\n关于调整户籍业务办理时间的通知\n各分局：\n正文。\n"
        let found = AttributeCheck(settings: shippedSettings.attribute).declarationFindings(for: classify(notice, name: "a.txt"))
        #expect(found.map(\.severity) == [.block])
        let news = AttributeCheck(settings: shippedSettings.attribute).declarationFindings(for: classify("通知\n正文。\n", name: "a.txt"))
        #expect(news.map(\.severity) == [.fix])
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
