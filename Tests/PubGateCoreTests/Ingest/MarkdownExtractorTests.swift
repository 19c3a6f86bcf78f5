import EncodingKit
import Testing

@testable import PubGateCore

@Suite struct MarkdownExtractorTests {
    /// The first finding of `rule` in `text` read as a Markdown file: its line and column.
    func place(_ rule: String, in text: String) -> [Int?] {
        let hit = scan(text, name: "page.md").1.first { $0.ruleID == rule }
        return [hit?.location?.line, hit?.location?.column]
    }

    /// Every character of every segment points at itself in the file — or at the `\` or `&` that
    /// spells it, or at the `|` a cell separator stands for.
    @Test func everySegmentPointsAtTheCharactersItCameFrom() {
        let text = """
            ---
            title: "测试"
            note: '它''s'
            ---

            # 标题 \\*一\\*

            > 引用第一行
            > 引用第二行 &amp; 其他

            1. 列表项**加粗**和`代码`
               第二行[链接](http://a.example/x "说明")

            | 甲 | 乙 |
            |---|---|
            | 1 | 二 |

            ```
            代码块 13912345678
            ```

            <div title="属性">块内文字</div>

            正文<span>行内</span>结束。[引用][r]

            [r]: http://b.example/y

            """
        let doc = IngestStage().run(RawInput(path: "page.md", bytes: Array(text.utf8)))
        let source = doc.decoded!.utf8
        for segment in doc.segments {
            for (s, o) in zip(segment.scalars, segment.origins) {
                let at = Unicode.Scalar(UTF8Bytes.scalar(at: Int(o), in: source).value)!
                let separator = (at == "|" && (s == " " || s == "|")) || (at == ":" && s == " ")
                let fine = at == s || at == "\\" || at == "&" || separator
                #expect(fine, "\(s) points at \(at) in \(segment.text.debugDescription)")
            }
        }
        let texts = doc.segments.map(\.text)
        #expect(texts.contains("标题 *一*"))
        #expect(texts.contains("引用第一行\n引用第二行 & 其他"))
        #expect(texts.contains("列表项加粗和代码\n第二行链接"))
        #expect(texts.contains("http://a.example/x") && texts.contains("说明") && texts.contains("http://b.example/y"))
        #expect(texts.contains("代码块 13912345678\n"))
        #expect(texts.contains("属性") && texts.contains("块内文字"))
        #expect(texts.contains("note: 它's"))
    }

    @Test func findingsPointAtTheFileWhateverItsLineEndsAndEncoding() {
        let text = "---\ntitle: 通知\n---\n\n> 第一行\n> 联系手机13912345678\n"
        #expect(place("pi_mobile", in: text) == [6, 7])
        #expect(place("pi_mobile", in: text.replacingOccurrences(of: "\n", with: "\r\n")) == [6, 7])
        // A UTF-16 file and a UTF-8 file with a byte-order mark: the same line and column.
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let wide = scan(utf16, name: "page.md").1.first { $0.ruleID == "pi_mobile" }
        #expect(wide?.location?.line == 6 && wide?.location?.column == 7)
        let bom = scan([0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "page.md").1.first { $0.ruleID == "pi_mobile" }
        #expect(bom?.location?.line == 6 && bom?.location?.column == 7)
    }

    @Test func codeIsScannedAsText() {
        #expect(place("pi_mobile", in: "正文\n\n```text\n值班 13912345678\n```\n") == [4, 4])
        #expect(place("pi_mobile", in: "见 `13912345678` 号码\n") == [1, 4])
        #expect(place("pi_mobile", in: "缩进代码：\n\n    电话13912345678\n") == [3, 7])
    }

    /// An autolink's target is its text: found once. A reference link's target is found in its
    /// definition.
    @Test func linkTargetsAreFoundWhereTheyAreWritten() {
        let auto = scan("内网地址 <http://10.12.3.4/oa> 见上。\n", name: "page.md").1.filter { $0.ruleID == "net_private_ipv4" }
        #expect(auto.count == 1 && auto.first?.location?.column == 14)
        #expect(place("net_private_ipv4", in: "登录[系统][oa]办理。\n\n[oa]: http://10.12.3.4/oa\n") == [3, 14])
        #expect(place("net_private_ipv4", in: "![图](http://10.12.3.4/a.png)\n") == [1, 13])
    }

    /// Stars around a number are a mask, not emphasis: the masked number reads as masked.
    @Test func starsAroundDigitsStayAsWritten() {
        let doc = IngestStage().run(RawInput(path: "page.md", bytes: Array("| 姓名 | 号码 |\n|---|---|\n| 张三 | ****0219960317**** |\n\n**重要**通知\n".utf8)))
        let lines = shippedClassifier.classify(doc).lines.map(\.text)
        #expect(lines.contains("张三 | ****0219960317****"))
        #expect(lines.contains("重要通知"))
    }

    /// A cell is read by its column, as in an HTML table: eleven digits under 考号 are an exam
    /// number, the same digits under 联系电话 a mobile.
    @Test func cellsAreReadByTheirColumnHeader() {
        let table = "| 姓名 | 考号 | 联系电话 |\n|---|---|---|\n| 张三 | 13912345678 | 13912345678 |\n"
        let mobiles = scan(table, name: "page.md").1.filter { $0.ruleID == "pi_mobile" }
        #expect(mobiles.map { $0.location?.column } == [22])
    }

    /// A row thousands of cells wide (cmark-gfm's tables take time quadratic in a row's cells) is
    /// read as a line of text: its cells are still scanned, in place.
    @Test func aTableTooWideIsReadAsText() {
        let cells = Array(repeating: "c", count: 600)
        let row = "| " + cells.joined(separator: " | ") + " |\n"
        let text =
            row + "|" + Array(repeating: "-", count: 600).joined(separator: "|") + "|\n" + "| 手机13912345678 | "
            + cells.dropFirst().joined(separator: " | ") + " |\n"
        #expect(place("pi_mobile", in: text) == [3, 5])
    }

    /// Hugo puts a shortcode's output where its tag stood: text after a tag that opens a line starts
    /// that line as a paragraph, as Hugo serves it — not an indented code block of the blanked tag —
    /// so a bold mark after it is a mark at the start of its line, and a finding after a tag whose
    /// parameter is in Chinese (more bytes than characters) points at its own column.
    @Test func textAfterAShortcodeAtTheStartOfALineStartsTheLine() {
        #expect(place("ws_mark_line", in: "{{% notice %}}**内部资料　注意保存**{{% /notice %}}\n") == [1, 17])
        #expect(place("ws_mark_line", in: "{{< notice who=\"办公室\" >}}**内部资料　注意保存**{{< /notice >}}\n") == [1, 27])
        #expect(place("pi_mobile", in: "---\ntitle: 通知\n---\n{{% notice who=\"办公室\" %}}联系人手机 13912345678{{% /notice %}}\n") == [4, 31])
        let doc = IngestStage().run(RawInput(path: "page.md", bytes: Array("{{< notice >}}**重要**提示{{< /notice >}}\n".utf8)))
        #expect(doc.segments.map(\.text) == ["重要提示"])
    }

    /// Emphasis nested thousands deep (one run of stars, read once) reads as its text, and stars
    /// around a number stay a mask however deep.
    @Test func deeplyNestedEmphasisReadsAsItsText() {
        let stars = String(repeating: "*", count: 20_000)
        let word = IngestStage().run(RawInput(path: "page.md", bytes: Array("\(stars)内部资料\(stars)\n".utf8)))
        #expect(word.segments.map(\.text) == ["内部资料"])
        let number = IngestStage().run(RawInput(path: "page.md", bytes: Array("\(stars)0219960317\(stars)\n".utf8)))
        #expect(number.segments.map(\.text) == ["\(stars)0219960317\(stars)"])
    }

    /// A tag right after a list marker or a block quote's `>` is blanked as one that opens a line
    /// (issue 23): blanked with spaces, the text after it was an indented code block of the item or
    /// the quote, its bold mark kept as stars.
    @Test func textAfterAShortcodeInAListItemOrQuoteIsNotCode() {
        #expect(place("ws_mark_line", in: "- {{% notice %}}**内部资料　注意保存**{{% /notice %}}\n") == [1, 19])
        #expect(place("ws_mark_line", in: "> {{% notice %}}**内部资料　注意保存**{{% /notice %}}\n") == [1, 19])
        #expect(place("ws_mark_line", in: "1. {{< notice who=\"办公室\" >}}**内部资料　注意保存**{{< /notice >}}\n") == [1, 30])
        #expect(place("ws_mark_line", in: "> - {{% notice %}}**内部资料　注意保存**{{% /notice %}}\n") == [1, 21])
        let doc = IngestStage().run(RawInput(path: "page.md", bytes: Array("- {{< notice >}}**重要**提示{{< /notice >}}\n".utf8)))
        #expect(doc.segments.map(\.text) == ["重要提示"])
        // Not a marker: a word, or a star with no blank after it.
        #expect(!MarkdownExtractor.startsLine(2..<4, in: Array("a-{{".utf8), from: 0))
        #expect(!MarkdownExtractor.startsLine(1..<3, in: Array("*{{".utf8), from: 0))
        #expect(!MarkdownExtractor.startsLine(5..<7, in: Array("x 1. {{".utf8), from: 0))
        #expect(MarkdownExtractor.startsLine(5..<7, in: Array("a\n1. {{".utf8), from: 0))
    }

    /// Text that only looks like a shortcode (unclosed, or written as text with `{{</* */>}}`) is
    /// the page's text.
    @Test func whatIsNotAShortcodeStaysText() {
        let doc = IngestStage().run(RawInput(path: "page.md", bytes: Array("写法 {{</* figure src=\"a\" */>}} 与 {{< 未闭合\n".utf8)))
        #expect(doc.segments.map(\.text) == ["写法 {{</* figure src=\"a\" */>}} 与 {{< 未闭合"])
        let tag = HugoShortcode.all(in: Array("a{{% x k=\"v\" `raw\n值` bare %}}b".unicodeScalars), range: 0..<30)
        #expect(tag.count == 1 && tag[0].parameters.count == 3)
    }
}
