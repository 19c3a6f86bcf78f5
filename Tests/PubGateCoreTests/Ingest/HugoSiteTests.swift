import Foundation
import Testing

@testable import PubGateCore

/// The cases of issue 19, each a page of the small Hugo site in `Tests/Fixtures/HugoSite` (laid out
/// with `config/_default/`): every leak is found, at the line and column of the original file.
@Suite struct HugoSiteTests {
    static let site = packageRoot.appendingPathComponent("Tests/Fixtures/HugoSite")

    /// The page's document and findings (ingest, classify, scan with the shipped rules).
    func page(_ relative: String) -> (IngestedDocument, [Finding]) {
        let bytes = Array(FileManager.default.contents(atPath: Self.site.appendingPathComponent(relative).path) ?? Data())
        return scan(bytes, name: relative)
    }

    /// `rule` found at `line`:`column` in `part`.
    func expect(
        _ findings: [Finding], _ rule: String, at line: Int, _ column: Int, in part: ContentPart,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let hit = findings.first { $0.ruleID == rule }
        #expect(hit?.location?.line == line, sourceLocation: sourceLocation)
        #expect(hit?.location?.column == column, sourceLocation: sourceLocation)
        #expect(hit?.part == part, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "content/zwgk/yaml-double-quoted.md", "content/zwgk/yaml-single-quoted.md", "content/zwgk/yaml-mark-with-period.md",
        "content/zwgk/yaml-secrecy-key.md",
    ])
    func aQuotedSecretLevelInYAMLIsASecretMark(relative: String) {
        let (_, findings) = page(relative)
        expect(findings, "sec_mark_key_value", at: 3, 1, in: .frontMatter)
    }

    @Test func aSecretLevelInTOMLIsASecretMark() {
        let (_, quoted) = page("content/zwgk/toml-quoted-key.md")
        expect(quoted, "sec_mark_key_value", at: 3, 2, in: .frontMatter)
        #expect(!quoted.contains { $0.ruleID == "front_matter_malformed" })
        // TOML keys in Chinese must be quoted; Hugo refuses the block, and pubgate still reads the mark.
        let (_, bare) = page("content/zwgk/toml-bare-key.md")
        expect(bare, "sec_mark_key_value", at: 3, 1, in: .frontMatter)
        #expect(bare.contains { $0.ruleID == "front_matter_malformed" })
    }

    @Test func aSecretLevelInJSONFrontMatterIsASecretMark() {
        let (doc, findings) = page("content/zwgk/json-front-matter.md")
        expect(findings, "sec_mark_key_value", at: 3, 4, in: .frontMatter)
        #expect(doc.metadata["title"] == "关于开展安全检查的通知")
    }

    @Test func aTitleOpeningWithAMarkIsFoundAndReadWithoutQuotes() {
        let (doc, findings) = page("content/zwgk/yaml-title-mark.md")
        expect(findings, "sec_mark_header", at: 2, 9, in: .title)
        #expect(doc.metadata["title"] == "秘密★1年 关于春节安保工作的通知")
    }

    /// Multi-line arrays, arrays of tables and comments are TOML: read by TOMLKit, no malformed
    /// finding, the title without quotes or comment, and a value's finding at its place.
    @Test func tomlAsHugoWritesItParses() {
        let (doc, findings) = page("content/zwgk/toml-structures.md")
        #expect(!findings.contains { $0.ruleID == "front_matter_malformed" })
        #expect(doc.metadata["title"] == "关于做好汛期安全防范工作的通知")
        #expect(doc.metadata["tags"] == "汛期, 安全")
        #expect(doc.metadata["params.xxgk.doc_no"] == "示公通〔2025〕12号")
        #expect(doc.metadata["date"] == "2025-06-01")
        expect(findings, "pi_mobile", at: 8, 16, in: .frontMatter)
        let classified = shippedClassifier.classify(doc)
        #expect(classified.title == "关于做好汛期安全防范工作的通知")
        #expect(classified.declarations.contains { $0.source == "front-matter" && $0.value == .active })
    }

    @Test func aMarkInBoldStartsItsLine() {
        let (_, findings) = page("content/zwgk/bold-mark.md")
        expect(findings, "ws_mark_line", at: 5, 3, in: .body)
    }

    /// Raw HTML goes through the HTML path: comments, hidden elements (Markdown inside them too)
    /// and attributes.
    @Test func rawHTMLIsReadAsTheHTMLPathReadsIt() {
        let (_, findings) = page("content/zwgk/raw-html.md")
        expect(findings, "sec_mark_key_value", at: 5, 16, in: .comment)
        expect(findings, "pi_mobile", at: 7, 18, in: .hidden)
        let marks = findings.filter { $0.ruleID == "ws_mark_line" }
        #expect(marks.map { [$0.location?.line, $0.location?.column] } == [[9, 33], [13, 3]])
        #expect(marks.map(\.part) == [.attribute, .hidden])
    }

    @Test func shortcodeParametersAreAttributesAndTheirContentIsText() {
        let (_, findings) = page("content/zwgk/shortcodes.md")
        expect(findings, "ws_mark_line", at: 5, 40, in: .attribute)
        expect(findings, "pi_mobile", at: 8, 5, in: .body)
    }

    @Test func traditionalAndMixedCharactersAreMatched() {
        let (_, findings) = page("content/zwgk/traditional.md")
        expect(findings, "sec_mark_header", at: 5, 1, in: .body)
        expect(findings, "ws_mark_line", at: 7, 1, in: .body)
        expect(findings, "pi_resident_id_18", at: 9, 9, in: .body)
    }

    @Test func tableCellsAndLinkTargetsKeepTheirPlaces() {
        let (doc, findings) = page("content/zwgk/table-and-link.md")
        expect(findings, "pi_resident_id_18", at: 7, 12, in: .body)
        expect(findings, "net_private_ipv4", at: 9, 18, in: .attribute)
        // A row is one line, the header row first; each cell carries its column's header.
        let lines = shippedClassifier.classify(doc).lines.map(\.text)
        #expect(lines.contains("序号 | 姓名 | 身份证号码") && lines.contains("1 | 张三 | 11010519491231002X"))
        #expect(doc.segments.first { $0.text == "11010519491231002X" }?.column == "身份证号码")
        #expect(doc.segments.first { $0.text == "身份证号码" }?.column == nil)
    }

    /// `_index.md` is a list page: reviewed for what it serves, not judged as a document that must
    /// declare its 公开属性 — the site is recognised as Hugo by its `config/_default/`, so its list
    /// pages are site assets.
    @Test func listPagesAreReviewedButNeedNoAttribute() throws {
        let source = FileSource(
            paths: [Self.site.appendingPathComponent("content/tzgg").path], root: RepositoryRoot(path: Self.site.path, isGit: false))
        let manifest = try ReviewPipeline(configuration: shippedConfiguration, options: ReviewOptions(asOf: reviewDate), version: "test")
            .run(source: source).manifest
        let list = try #require(manifest.document("_index.md"))
        #expect(list.role == .asset && !list.findings.contains { $0.ruleID == "attribute_missing" })
        #expect(list.findings.contains { $0.ruleID == "pi_mobile" && $0.location?.line == 5 && $0.location?.column == 15 })
        let single = try #require(manifest.document("expired-notice.md"))
        #expect(single.role == nil)
    }
}
