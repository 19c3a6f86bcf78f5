import Testing

@testable import PubGateCore

@Suite struct MetadataReaderTests {
    /// Portals print several fields on one line, some empty; each known key starts a field.
    @Test func severalFieldsOnOneLineAreApart() {
        let fields = MetadataReader.read(lines: [
            "索引号:   002564301/2021-00880 成文日期:   2021-07-15",
            "文件编号:   发布机构:   湖州市交通运输局",
        ])
        #expect(fields["索引号"] == "002564301/2021-00880")
        #expect(fields["成文日期"] == "2021-07-15")
        #expect(fields["文件编号"] == nil)
        #expect(fields["发布机构"] == "湖州市交通运输局")
    }

    /// A flattened table keeps its cell borders: `key: | value |`.
    @Test func tableCellsFlattenedWithBordersAreRead() {
        let fields = MetadataReader.read(lines: ["索引号: | TCXXGK-2020-011721 | 主题分类: | 政务公开 |", "发文文号: | 示政发〔2020〕33号 |"])
        #expect(fields["索引号"] == "TCXXGK-2020-011721")
        #expect(fields["主题分类"] == "政务公开")
    }

    /// A key that ends its line with no value takes the next line; one in the middle does not.
    @Test func anEmptyKeyInTheMiddleTakesNothing() {
        let fields = MetadataReader.read(lines: ["主题词: 文  号: 示政发〔2020〕1号", "某某内容"])
        #expect(fields["主题词"] == nil)
        #expect(fields["文号"] == "示政发〔2020〕1号")
        let trailing = MetadataReader.read(lines: ["发布机构: 市政府办 文号:", "示政发〔2020〕2号"])
        #expect(trailing["文号"] == "示政发〔2020〕2号")
    }

    /// A sentence with a colon in it is not split at words that happen to be keys.
    @Test func keysInsideASentenceAreNotFields() {
        let fields = MetadataReader.read(lines: ["来源: 县政府办，本文来源于县政府常务会议纪要"])
        #expect(fields["来源"] == "县政府办，本文来源于县政府常务会议纪要")
    }

    /// The line filter passes every line a key can start and leaves out, undecoded, lines whose
    /// text before the colon holds printable ASCII (no key does) or whose colon comes too late.
    @Test func linesThatCannotHoldAKeyAreLeftUndecoded() {
        func may(_ line: String) -> Bool { MetadataReader.Reader.mayHoldKey(Array(line.utf8).span) }
        #expect(may("索引号：000014349/2024-00012") && may(" | 名　　称: 通知") && may("成文日期") && may("\t发文机关：某局"))
        #expect(!may("http://www.gov.cn/") && !may("color: red;") && !may("var a = b ? 1 : 2") && !may("中文a：值"))
        #expect(!may(String(repeating: "字", count: 16) + "：值") && may(String(repeating: "字", count: 15) + "：值"))
        let fields = MetadataReader.read(lines: ["链接 http://x/索引号：1", "索引号 ：000014349/2024-00012"])
        #expect(fields["索引号"] == "000014349/2024-00012")
    }
}
