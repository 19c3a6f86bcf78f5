import Testing

@testable import PubGateCore

/// A 上行文-style 公文 in GB/T 9704 layout with every element, as plain text (full-width punctuation,
/// spaced header words, the red separator and the 版记 rules as a 公文 system exports them).
let gongwenSample = """
    000123
    机密★5年
    特急
    　　　　　　本溪市公安局文件

    本公呈［2025］7号　　　　　　　　签 发 人：王立新
    ━━━━━━━━━━━━━━━━━━━━━━━━━━━━

    　　　　本溪市公安局关于申请追加执法办案
    　　　　　　　装备经费的请示

    市人民政府：
    　　为保障执法办案工作需要，现申请追加装备经费。
    　　妥否，请批示。

    　　附件：1．装备经费测算表
    　　　　　2．装备清单

    　　　　　　　　　　　　　　　　本溪市公安局
    　　　　　　　　　　　　　　　2025年6月13日
    　　（此件不予公开）

    附件1

    装备经费测算表
    ────────────────────────────
    抄送：市财政局，市委政法委。
    ────────────────────────────
    本溪市公安局办公室　　　　　　　　2025年6月13日印发
    ────────────────────────────

    """

@Suite struct ElementExtractorTests {
    static let elements = classify(gongwenSample, name: "gongwen.txt").elements

    /// Each element: what it should read and on which line of the sample it starts.
    static let cases: [(String, KeyPath<DocumentElements, ElementText?> & Sendable, String, Int)] = [
        ("份号", \.copyNumber, "000123", 1),
        ("密级和保密期限", \.secrecy, "机密★5年", 2),
        ("紧急程度", \.urgency, "特急", 3),
        ("发文机关标志", \.issuerMark, "本溪市公安局文件", 4),
        ("发文字号", \.documentNumber, "本公呈[2025]7号", 6),
        ("签发人", \.signer, "王立新", 6),
        ("标题", \.title, "本溪市公安局关于申请追加执法办案装备经费的请示", 9),
        ("主送机关", \.recipients, "市人民政府", 12),
        ("附件说明", \.attachmentNote, "附件:1.装备经费测算表", 16),
        ("发文机关署名", \.issuerSignature, "本溪市公安局", 19),
        ("成文日期", \.writtenDate, "2025年6月13日", 20),
        ("抄送机关", \.copiesTo, "市财政局,市委政法委。", 27),
        ("印发机关和印发日期", \.printing, "本溪市公安局办公室 2025年6月13日印发", 29),
    ]

    @Test(arguments: 0..<cases.count)
    func elementIsExtracted(_ index: Int) {
        let (name, path, text, line) = Self.cases[index]
        let found = Self.elements[keyPath: path]
        #expect(found?.text == text, "\(name)")
        #expect(found?.line == line, "\(name)")
    }

    @Test func bodySpansTheMainText() {
        #expect(Self.elements.body == DocumentElements.BodySpan(firstLine: 13, lastLine: 14))
    }

    @Test func annotationAndAttachmentHeadingAreFound() {
        #expect(Self.elements.annotations == [ElementText(text: "(此件不予公开)", line: 21)])
        #expect(Self.elements.attachments == [ElementText(text: "附件1", line: 23)])
    }

    @Test func itIsAGongwen() {
        #expect(Self.elements.isGongwen)
    }

    @Test func aWebPageTitleIsFoundFromItsMetadata() {
        let html = """
            <html><head><title>关于调整户籍业务办理时间的通告_本溪市公安局</title></head><body>
            <div>本溪市公安局 &gt; 政策文件</div>
            <table><tr><td>名　　称：</td><td>关于调整户籍业务办理时间的通告</td></tr></table>
            <h1>关于调整户籍业务办理时间的通告</h1>
            <p>各位市民：</p><p>现将有关事项通告如下。</p>
            <p>本溪市公安局</p><p>2025年6月16日</p><p>（此件公开发布）</p>
            </body></html>
            """
        let e = classify(html, name: "page.html").elements
        #expect(e.title?.text == "关于调整户籍业务办理时间的通告")
        #expect(e.issuerMark == nil)
        #expect(e.recipients?.text == "各位市民")
        #expect(e.writtenDate?.text == "2025年6月16日")
        #expect(e.annotations.map(\.text) == ["(此件公开发布)"])
    }
}
