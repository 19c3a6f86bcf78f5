import Foundation
import Testing

@testable import PubGateCore

@Suite struct IngestTests {
    @Test func idSplitAcrossSpansIsFoundAtItsOriginalPosition() {
        let html = "<html><body>\n<p>号码：210503<span class=\"x\">19790615</span>1225</p>\n</body></html>"
        let (_, findings) = scan(html, name: "a.html")
        let id = findings.first { $0.kind == .residentID }
        #expect(id?.location?.line == 2)
        #expect(id?.location?.column == 7)
        #expect(id?.match == "210503<span class=\"x\">19790615</span>1225")
    }

    @Test func idWithZeroWidthSpaceAndFullWidthDigitsIsFound() {
        let (_, zw) = scan("x\n编号 2105031979\u{200B}06151225\n", name: "a.txt")
        #expect(zw.first { $0.kind == .residentID }?.location?.line == 2)
        let (_, fw) = scan("号码２１０５０３１９７９０６１５１２２５", name: "a.md")
        let f = fw.first { $0.kind == .residentID }
        #expect(f?.location?.column == 3)
        #expect(f?.location?.byteStart == 6)
    }

    /// A `<meta>` named in Chinese is read as a key above its value; a 密级 there is a mark,
    /// located at the tag's name. An English name (`description`) stays out of the text.
    @Test func chineseMetaNameIsReadAsAKeyAboveItsContent() throws {
        let html =
            "<html><head>\n<meta name=\"description\" content=\"密级\">\n<meta name=\"密级\" content=\"机密\">\n</head><body><p>（此件主动公开）</p></body></html>"
        let (doc, findings) = scan(html, name: "a.html")
        let mark = try #require(findings.first { $0.ruleID == "sec_mark_key_value" })
        #expect(mark.location?.line == 3 && mark.location?.column == 13 && mark.part == .meta)
        #expect(findings.filter { $0.ruleID == "sec_mark_key_value" }.count == 1)
        #expect(doc.metadata["meta:密级"] == "机密")
    }

    /// Everything the page serves: script and style bodies (part `script`), a `<template>`
    /// (hidden), event handlers; a CMS's numeric `id` is not text.
    @Test func scriptsStylesTemplatesAndHandlersAreScanned() {
        let html = """
            <html><body><p id="6217003301023456786">正文</p>
            <script type="application/ld+json">{"tel":"13912345678"}</script>
            <style>/* 11010519491231002X */</style>
            <template><p>13841406652</p></template>
            <a onclick="call('13841406653')">联系</a>
            </body></html>
            """
        let (_, findings) = scan(html, name: "a.html")
        #expect(findings.filter { $0.kind == .mobile }.map(\.part) == [.script, .hidden, .attribute])
        #expect(findings.first { $0.kind == .residentID }?.part == .script)
        #expect(!findings.contains { $0.kind == .bankCard })
    }

    /// A "billion laughs" block (nine levels of nine aliases, a few hundred bytes) is refused, as
    /// front matter and as a settings file, instead of exhausting memory (how fast:
    /// Scripts/bench-hostile.sh).
    @Test func yamlAliasBombsAreRefused() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let (_, findings) = scan("---\n" + yaml + "---\n联系手机13912345678\n", name: "a.md")
        #expect(findings.contains { $0.ruleID == "front_matter_malformed" })
        #expect(findings.contains { $0.kind == .mobile })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-bomb-\(lettersOnlyName()).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let defaults = packageRoot.appendingPathComponent("Rules/policy.yaml").path
        #expect(throws: ConfigurationError.self) { try SettingsLoader().load(defaults: defaults, site: file.path) }
    }

    /// Locations end where the original characters end: after a last character written as a
    /// reference, on lines ended by a lone carriage return; a comment inside a number does not
    /// break it, and SVG text elements are apart.
    @Test func locationsAreExactAcrossReferencesCarriageReturnsAndComments() throws {
        let entities = "<p>号码11010519491231002&#88;</p>"
        let (_, a) = scan(entities, name: "a.html")
        let id = try #require(a.first { $0.kind == .residentID }?.location)
        #expect(id.byteStart == 9 && id.byteEnd == entities.utf8.count - 4)
        let (_, b) = scan("通知\r正文\r号码11010519491231002X\r", name: "a.txt")
        let cr = try #require(b.first { $0.kind == .residentID }?.location)
        #expect(cr.line == 3 && cr.column == 3)
        let (_, c) = scan("<p>身份证号110105<!-- x -->19491231002X</p>", name: "a.html")
        #expect(c.first { $0.kind == .residentID }?.location?.byteStart == 15)
        #expect(!c.contains { $0.kind == .mobile })
        let (_, d) = scan("<svg><text>身份证号11010519491231002X</text><desc>13912345678</desc></svg>", name: "a.html")
        #expect(d.contains { $0.kind == .residentID } && d.contains { $0.kind == .mobile })
    }

    /// An attribute value is served text but not part of the sentence around its element: it is a
    /// line of its own after the block, so a link's target neither joins the words before it nor
    /// splits the line a reader sees.
    @Test func attributeValuesAreLinesOfTheirOwnAfterTheirBlock() {
        let html = "<p>来源：本局　【字体：<a href=\"#big\">大</a> <a href=\"#mid\">中</a>】</p><p title=\"说明\">正文</p>"
        let doc = classify(html, name: "a.html")
        // (The matching copy drops the space between two Han characters.)
        #expect(doc.lines.map(\.text) == ["来源:本局 【字体:大中】", "#big", "#mid", "正文", "说明"])
    }

    @Test func hiddenCommentAndAttributeTextIsScannedAndLabelled() {
        let html = """
            <html><body>
            <p title="身份号码：210503197906151225">杨某</p><div data-phone="13841406653"></div>
            <!-- 联系人 13841406652 -->
            <div style="display: none">内部资料</div>
            </body></html>
            """
        let (_, findings) = scan(html, name: "a.html")
        #expect(findings.first { $0.kind == .residentID }?.part == .attribute)
        #expect(findings.first { $0.kind == .residentID }?.location?.line == 2)
        #expect(findings.filter { $0.kind == .mobile }.map(\.part) == [.attribute, .comment])
        #expect(findings.first { $0.kind == .workSecret }?.part == .hidden)
    }

    @Test func gbkPageWithMetaCharsetIsDecodedAndLocated() {
        let html = "<html><head><meta charset=\"gbk\"></head><body>\n<p>身份证：210503197906151225</p></body></html>"
        let bytes = Array(html.utf8).flatMap { b -> [UInt8] in [b] }
        let gbk = gbkEncode(html)
        #expect(bytes.count > 0)
        let (doc, findings) = scan(gbk, name: "a.html")
        #expect(doc.encoding == .gb18030)
        let f = findings.first { $0.kind == .residentID }
        #expect(f?.location?.line == 2)
        #expect(f?.location?.column == 8)
    }

    @Test func utf16FileIsDecoded() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "第一行\n手机：13941478826".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let (doc, findings) = scan(bytes, name: "a.txt")
        #expect(doc.encoding == .utf16LE)
        let f = findings.first { $0.kind == .mobile }
        #expect(f?.location?.line == 2)
        #expect(f?.location?.column == 4)
        #expect(f?.location?.byteStart == 2 + 2 * 7)
    }

    @Test func binaryAndUndecodableFilesAreUnscannable() {
        let (png, f1) = scan([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D], name: "x.png")
        #expect(png.isUnscannable)
        #expect(f1.map(\.kind) == [.unscannable])
        let (bad, f2) = scan([0x61, 0xFF, 0xFE, 0xFF, 0x62, 0x63], name: "x.txt")
        #expect(bad.isUnscannable)
        #expect(f2.first?.message.contains("neither valid UTF-8 nor valid GB18030") == true)
    }

    @Test func malformedFrontMatterIsAFindingNotACrash() {
        let (_, findings) = scan("---\ntitle: [unclosed\n---\n正文", name: "a.md")
        #expect(findings.contains { $0.ruleID == "front_matter_malformed" && $0.severity == .fix })
    }

    @Test func frontMatterAndMetadataTableBecomeFields() {
        let (md, _) = scan("---\ntitle: 通知\nparams:\n  disclosure: 主动公开\n---\n正文", name: "a.md")
        #expect(md.metadata["params.disclosure"] == "主动公开")
        let (html, _) = scan("<table><tr><th>索 引 号：</th><td>1121/2025-1</td><th>公开方式：</th><td>主动公开</td></tr></table>", name: "a.html")
        #expect(html.metadata["索引号"] == "1121/2025-1")
        #expect(html.metadata["公开方式"] == "主动公开")
    }

    /// docs/domain.md §5.1: a key cell without a colon followed by its value cell; an empty value cell
    /// does not make the next key the value; heading-like words need their colon.
    @Test func keyCellsWithoutAColonAreReadWhenTheyAreKeys() {
        let (html, _) = scan(
            "<table><tr><td>索 引 号</td><td>1121/2025-1</td><td>文号</td><td></td></tr>"
                + "<tr><th>公开方式</th><td>主动公开</td></tr></table><h2>名称</h2><p>本规定的名称</p>", name: "a.html")
        #expect(html.metadata["索引号"] == "1121/2025-1")
        #expect(html.metadata["公开方式"] == "主动公开")
        #expect(html.metadata["文号"] == nil)
        #expect(html.metadata["名称"] == nil)
    }

    @Test func hugoHTMLContentFileKeepsFrontMatterAndExactLines() throws {
        let page = "---\ntitle: 公示\ndate: 2025-05-19\n---\n<p>公示期为7个工作日。</p>\n<p>联系手机13912345678</p>\n"
        let (doc, findings) = scan(page, name: "gs.html")
        #expect(doc.metadata["date"] == "2025-05-19" && doc.metadata["title"] == "公示")
        // The title is served as the page's title; the date stays front matter text.
        #expect(doc.segments.prefix(2).map(\.part) == [.title, .frontMatter])
        let mobile = try #require(findings.first { $0.kind == .mobile })
        #expect(mobile.location?.line == 6 && mobile.location?.column == 8)
    }
}

/// GBK bytes for `text` through the decoder's own GB18030 support (round trip via iconv in the test).
func gbkEncode(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    for scalar in text.unicodeScalars {
        if scalar.isASCII {
            out.append(UInt8(scalar.value))
            continue
        }
        out += gbkTable[scalar] ?? []
    }
    return out
}

/// The GBK codes of the few non-ASCII characters the tests use.
let gbkTable: [Unicode.Scalar: [UInt8]] = [
    "身": [0xC9, 0xED], "份": [0xB7, 0xDD], "证": [0xD6, 0xA4], "：": [0xA3, 0xBA],
]
