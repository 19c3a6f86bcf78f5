import Testing

@testable import PubGateCore

@Suite struct FrontMatterTests {
    /// The front matter segments' texts of `text` read as a Markdown file.
    func lines(_ text: String) -> [String] {
        IngestStage().run(RawInput(path: "page.md", bytes: Array(text.utf8))).segments
            .filter { $0.part == .frontMatter || $0.part == .title }.map(\.text)
    }

    func place(_ rule: String, in text: String) -> [Int?] {
        let hit = scan(text, name: "page.md").1.first { $0.ruleID == rule }
        return [hit?.location?.line, hit?.location?.column]
    }

    @Test func valuesAreReadAsTheParserReadsThem() {
        #expect(lines("---\nmark: \"机\\u5BC6\"\nsummary: >\n  第一行\n  第二行\n---\n") == ["mark: 机密", "summary: 第一行 第二行\n"])
        #expect(lines("+++\nnote = '''\n原样\n文字'''\n+++\n") == ["note: 原样\n文字"])
        // Keys of tables are scanned as written, with the block's punctuation.
        #expect(lines("{\"a\": {\"b\": \"值\\\"引号\\\"\"}}\n").contains("b: 值\"引号\""))
    }

    /// A value's finding points at the value as written, also inside block scalars, multi-line
    /// strings and arrays, and behind escapes.
    @Test func findingsPointAtTheValueInTheFile() {
        #expect(place("pi_mobile", in: "---\ncontact: |\n  值班室\n  手机13912345678\n---\n正文\n") == [4, 5])
        #expect(place("pi_mobile", in: "---\ncontact: \"\\t手机13912345678\"\n---\n正文\n") == [2, 15])
        #expect(place("pi_mobile", in: "+++\ncontact = \"\"\"\n值班\n手机13912345678\"\"\"\n+++\n正文\n") == [4, 3])
        #expect(place("pi_mobile", in: "+++\nphones = [\n  \"甲乙\",\n  \"手机13912345678\",\n]\n+++\n正文\n") == [4, 6])
        #expect(place("pi_mobile", in: "{\n  \"params\": {\"contact\": \"手机13912345678\"}\n}\n正文\n") == [2, 28])
    }

    /// What the values do not account for is scanned as written: a comment, a number.
    @Test func commentsAndOtherValuesAreScannedAsWritten() {
        #expect(lines("---\ntitle: 通知\n# 内部资料\nphone: 13912345678\n---\n") == ["通知", "# 内部资料", "phone: 13912345678"])
        #expect(place("pi_mobile", in: "+++\nphone = 13912345678\n+++\n正文\n") == [2, 9])
    }

    @Test func datesAreReadAsHugoReadsThem() {
        let toml = IngestStage().run(
            RawInput(
                path: "page.md",
                bytes: Array("+++\ndate = 2025-06-01\nexpiryDate = 2025-06-30T20:00:00-04:00\npublishDate = 2025-06-01T08:00:00\n+++\n".utf8)))
        #expect(toml.metadata["date"] == "2025-06-01")
        // 20:00 at -04:00 is 08:00 the next day in Asia/Shanghai.
        #expect(toml.metadata["expiryDate"] == "2025-07-01")
        #expect(toml.metadata["publishDate"] == "2025-06-01")
        let yaml = IngestStage().run(RawInput(path: "page.md", bytes: Array("---\nexpiryDate: 2024-12-31T00:00:00+08:00\n---\n".utf8)))
        #expect(yaml.metadata["expiryDate"] == "2024-12-31")
    }

    /// Hugo's publication date is `publishDate` (then `pubdate`, `published`), before `date`.
    @Test func thePublicationDateIsTheOneHugoUses() {
        let both = IngestStage().run(RawInput(path: "page.md", bytes: Array("---\ndate: 2025-05-01\npublishDate: 2025-05-20\n---\n".utf8)))
        #expect(PageMetadata(both.metadata).publishDate == SimpleDate(year: 2025, month: 5, day: 20))
        let published = IngestStage().run(RawInput(path: "page.md", bytes: Array("+++\npublished = 2025-05-21\n+++\n".utf8)))
        #expect(PageMetadata(published.metadata).publishDate == SimpleDate(year: 2025, month: 5, day: 21))
    }

    /// A block no parser accepts is a `format` finding, and its lines are still read, quoted values
    /// as values.
    @Test func aMalformedBlockIsReadAsWritten() {
        let (doc, findings) = scan("---\ntitle: [unclosed\n密级: \"机密\"\n---\n正文\n", name: "page.md")
        #expect(findings.contains { $0.ruleID == "front_matter_malformed" && $0.severity == .fix })
        #expect(findings.contains { $0.ruleID == "sec_mark_key_value" && $0.location?.line == 3 })
        #expect(doc.segments.first?.text == "title: [unclosed")
    }

    @Test func jsonFrontMatterNeedsAnObjectNotAShortcode() {
        #expect(FrontMatterBlock.locate(in: Array("{{< figure >}}\n正文".unicodeScalars)) == nil)
        let block = FrontMatterBlock.locate(in: Array("{\"title\": \"}\"}\n正文".unicodeScalars))
        #expect(block?.syntax == .json && block?.range == 0..<15)
    }
}
