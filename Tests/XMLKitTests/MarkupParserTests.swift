import Testing
import XMLKit

@Suite struct MarkupParserTests {
    @Test func htmlTextAttributesAndCommentsAreCopiedOut() throws {
        let html = #"<html><body><p title="提示">身份<span>证</span></p><!-- 备注 --></body></html>"#
        let doc = try MarkupParser.parseHTML(Array(html.utf8))
        var texts: [String] = []
        var comments: [String] = []
        var titles: [String] = []
        func walk(_ n: MarkupNode) {
            switch n {
            case .element(_, let attrs, let children, _):
                titles += attrs.filter { $0.name == "title" }.map(\.value)
                children.forEach(walk)
            case .text(let t, _, _): texts.append(t)
            case .comment(let c, _): comments.append(c)
            }
        }
        doc.nodes.forEach(walk)
        #expect(texts == ["身份", "证"])
        #expect(comments == [" 备注 "])
        #expect(titles == ["提示"])
    }

    @Test func malformedHTMLRecovers() throws {
        let doc = try MarkupParser.parseHTML(Array("<p>未闭合<div>文本</p></span>".utf8))
        #expect(!doc.nodes.isEmpty)
    }

    @Test func declaredCharsetIsIgnoredBecauseInputIsUTF8() throws {
        let html = #"<html><head><meta charset="gbk"></head><body><p>中文</p></body></html>"#
        let doc = try MarkupParser.parseHTML(Array(html.utf8))
        #expect("\(doc.nodes)".contains("中文"))
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <d>&x;</d>
            """
        let doc = try MarkupParser.parseXML(Array(xml.utf8))
        #expect(!"\(doc.nodes)".contains("root:"))
    }

    @Test func namedEntitiesResolve() {
        #expect(HTMLEntities.scalar(named: "nbsp") == "\u{A0}")
        #expect(HTMLEntities.scalar(named: "nosuch") == nil)
    }
}
