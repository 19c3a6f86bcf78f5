import Testing
import XMLKit

@Suite struct MarkupParserTests {
    /// Records the events as lines of text.
    final class Recorder: MarkupHandler {
        var events: [String] = []
        func startElement(_ name: String, attributes: [MarkupAttribute], line: Int) {
            events.append("<\(name)" + attributes.map { " \($0.name)=\($0.value)" }.joined() + "> @\(line)")
        }
        func endElement(_ name: String) { events.append("</\(name)>") }
        func text(_ utf8: Span<UInt8>, line: Int) {
            events.append("text \(String(decoding: (0..<utf8.count).map { utf8[$0] }, as: UTF8.self)) @\(line)")
        }
        func comment(_ content: String, line: Int) { events.append("comment \(content) @\(line)") }
    }

    func events(_ html: String) throws -> [String] {
        var recorder = Recorder()
        try MarkupParser.parseHTML(Array(html.utf8), into: &recorder)
        return recorder.events
    }

    @Test func htmlTextAttributesAndCommentsAreReported() throws {
        let html = "<html><body><p title=\"提示&amp;说明\">身份<span>证</span></p>\n<!-- 备注 --></body></html>"
        #expect(
            try events(html) == [
                "<html> @1", "<body> @1", "<p title=提示&说明> @1", "text 身份 @1", "<span> @1", "text 证 @1", "</span>", "</p>",
                "text \n @2", "comment  备注  @2", "</body>", "</html>",
            ])
    }

    @Test func everyElementIsClosedEvenWhenTheSourceDoesNotCloseIt() throws {
        let found = try events("<div><p>一<p>二<br>三<img src=a.png></div><ul><li>四")
        #expect(found.filter { $0.hasPrefix("<") && !$0.hasPrefix("</") }.count == found.filter { $0.hasPrefix("</") }.count)
        #expect(
            found == [
                "<div> @1", "<p> @1", "text 一 @1", "</p>", "<p> @1", "text 二 @1", "<br> @1", "</br>", "text 三 @1",
                "<img src=a.png> @1", "</img>", "</p>", "</div>", "<ul> @1", "<li> @1", "text 四 @1", "</li>", "</ul>",
            ])
    }

    /// libxml2 hands long text over in chunks of about a thousand bytes; they arrive as one text,
    /// with the line where the first chunk was reported.
    @Test func longTextArrivesWhole() throws {
        let long = String(repeating: "第一条　本规定适用于全市公安机关。\n", count: 200)
        let found = try events("<p>\(long)</p>")
        #expect(found.count == 3)
        #expect(found[1].hasPrefix("text 第一条") && found[1].contains(long))
    }

    /// libxml2's tree builder stops adding to a text node at 10 MB (without XML_PARSE_HUGE, which
    /// its HTML parser has no option for): whatever came after, an ID number say, was never seen.
    @Test func textBeyondTenMegabytesIsKept() throws {
        let long = String(repeating: "公安机关依法履职。", count: 400_000) + "末尾"
        let found = try events("<p>\(long)</p>")
        #expect(found.count == 3)
        #expect(found[1].hasSuffix("末尾 @1"))
    }

    @Test func linesAreWhereTheParserReportedTheNode() throws {
        #expect(
            try events("\n\n<p\nclass=x>文本</p>\n<!--\n注释-->") == [
                "<p class=x> @4", "text 文本 @4", "</p>", "comment \n注释 @6",
            ])
    }

    @Test func malformedHTMLRecovers() throws {
        let found = try events("<p>未闭合<div>文本</p></span>")
        #expect(found.contains("text 文本 @1"))
    }

    @Test func declaredCharsetIsIgnoredBecauseInputIsUTF8() throws {
        let html = #"<html><head><meta charset="gbk"></head><body><p>中文</p></body></html>"#
        #expect(try events(html).contains("text 中文 @1"))
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

    /// What a file serves without showing: an internal entity's replacement text (a reader expands
    /// `&sfz;`) and a processing instruction's data arrive as comments; references stay unexpanded.
    @Test func internalEntityValuesAndProcessingInstructionsAreReported() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY sfz "11010519491231002X"><!ENTITY x SYSTEM "file:///etc/passwd">]>
            <d><?note 13912345678?><p>&sfz;</p></d>
            """
        let doc = try MarkupParser.parseXML(Array(xml.utf8))
        guard case .comment(let value, _) = doc.nodes.first else {
            Issue.record("\(doc.nodes)")
            return
        }
        #expect(value == "11010519491231002X")
        #expect("\(doc.nodes)".contains("comment(\"13912345678\""))
        #expect("\(doc.nodes)".contains("&sfz;") && !"\(doc.nodes)".contains("root:"))
    }

    @Test func namedEntitiesResolve() {
        #expect(HTMLEntities.scalar(named: "nbsp") == "\u{A0}")
        #expect(HTMLEntities.scalar(named: "nosuch") == nil)
    }

    /// 40,000 nested elements overflowed the stack in the copy (SIGSEGV, the whole batch gone);
    /// past `maxDepth` the document is an error the caller turns into `unscannable`.
    @Test func nestingDeeperThanTheLimitIsAnErrorNotACrash() throws {
        func nested(_ depth: Int) -> [UInt8] {
            Array(("<?xml version=\"1.0\"?>\n" + String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth)).utf8)
        }
        #expect(try MarkupParser.parseXML(nested(MarkupParser.maxDepth)).nodes.count == 1)
        for depth in [MarkupParser.maxDepth + 2, 40_000] {
            #expect(throws: XMLParseError.self) { try MarkupParser.parseXML(nested(depth)) }
        }
    }

    /// The XML walk reports the tree ``MarkupParser/parseXML(_:)`` copies out, node for node and
    /// line for line, and stops at the same depth.
    @Test func xmlWalkReportsTheCopiedTree() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY sfz "11010519491231002X">]>
            <d a="1&amp;2"><!-- 注 --><?note 13912345678?>
            <p>&sfz;<![CDATA[<b>]]>文</p><e/></d>
            """
        func flattened(_ nodes: [MarkupNode]) -> [String] {
            nodes.flatMap { node -> [String] in
                switch node {
                case .element(let name, let attributes, let children, let line):
                    return ["<\(name)" + attributes.map { " \($0.name)=\($0.value)" }.joined() + "> @\(line)"] + flattened(children) + ["</\(name)>"]
                case .text(let text, _, let line): return ["text \(text) @\(line)"]
                case .comment(let text, let line): return ["comment \(text) @\(line)"]
                }
            }
        }
        var recorder = Recorder()
        let errors = try MarkupParser.walkXML(Array(xml.utf8), into: &recorder)
        let document = try MarkupParser.parseXML(Array(xml.utf8))
        #expect(recorder.events == flattened(document.nodes) && errors == document.recoveredErrors)
        #expect(recorder.events.contains("comment 11010519491231002X @0") && recorder.events.contains("text &sfz; @4"))
        let deep = Array(("<?xml version=\"1.0\"?>\n" + String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)).utf8)
        #expect(throws: XMLParseError.self) { try MarkupParser.walkXML(deep, into: &recorder) }
    }
}
