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

    @Test func disagreeingDeclarationsConflictAndTheStricterWins() {
        let html = "<table><tr><th>公开方式：</th><td>主动公开</td></tr></table><p>（此件依申请公开）</p>"
        #expect(kinds(html, name: "a.html") == [.attributeConflict, .attributeNotPublic])
    }

    @Test func frontMatterDisclosureIsRead() {
        #expect(kinds("---\nparams:\n  xxgk:\n    disclosure: 不予公开\n---\n正文", name: "a.md") == [.attributeNotPublic])
    }
}
