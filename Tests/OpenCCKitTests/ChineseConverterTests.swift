import OpenCCKit
import Testing

@Suite struct ChineseConverterTests {
    @Test func traditionalAndVariantCharactersBecomeSimplified() throws {
        let t2s = try ChineseConverter(configuration: "t2s.json")
        #expect(try t2s.convert("機密 內部資料 身份證號碼") == "机密 内部资料 身份证号码")
        #expect(try t2s.convert("峯羣") == "峰群")
    }

    @Test func phrasesAreConvertedAsPhrases() throws {
        let t2s = try ChineseConverter(configuration: "t2s.json")
        #expect(try t2s.convert("乾隆年間 乾燥") == "乾隆年间 干燥")
    }

    @Test func simplifiedTextIsLeftAsItIs() throws {
        let t2s = try ChineseConverter(configuration: "t2s.json")
        let text = "关于印发《市级政务公开工作要点》的通知：秘密★1年"
        #expect(try t2s.convert(text) == text)
    }

    @Test func aMissingConfigurationIsATypedError() {
        #expect(throws: OpenCCError.self) { try ChineseConverter(configuration: "/nonexistent/none.json") }
    }
}
