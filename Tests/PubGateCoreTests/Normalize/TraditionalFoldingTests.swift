import OpenCCKit
import Testing

@testable import PubGateCore

@Suite struct TraditionalFoldingTests {
    func normalized(_ text: String) -> NormalizedText {
        let utf8 = Array(text.utf8)
        return Normalizer().normalize([TextSegment(part: .body, decoded: utf8, range: 0..<utf8.count)])
    }

    /// The generated table is what the installed OpenCC does: run `Scripts/make-t2s-table.sh` when
    /// this fails after an OpenCC data update.
    @Test func theTableOfChangingCharactersIsOpenCCs() throws {
        let converter = try ChineseConverter(configuration: "t2s.json")
        let asked = try TraditionalFolding.charactersChanged(by: converter)
        let table = Array(TraditionalFolding.changingCharacters.unicodeScalars.filter { $0 != "\n" })
        #expect(asked == table)
    }

    @Test func traditionalAndMixedTextIsMatchedAsSimplified() {
        #expect(Normalizer.normalized("機密★5年") == "机密★5年")
        #expect(Normalizer.normalized("內部資料　注意保存") == "内部资料注意保存")
        #expect(Normalizer.normalized("公民身份證號碼：11010519491231002X") == "公民身份证号码:11010519491231002X")
        // Phrases are converted as phrases; simplified text is left as it is.
        #expect(Normalizer.normalized("乾隆年間的乾燥天氣") == "乾隆年间的干燥天气")
        let simplified = "关于印发《市级政务公开工作要点》的通知"
        #expect(Normalizer.normalized(simplified) == simplified)
    }

    /// Folding comes after NFKC: a Kangxi radical or a compatibility ideograph becomes a unified
    /// ideograph first, and that one is folded.
    @Test func nfkcOutputIsWhatIsFolded() {
        #expect(Normalizer.normalized("\u{2FA8}診") == "门诊")
        #expect(Normalizer.normalized("身份\u{F9FC}") == Normalizer.normalized("身份識"))
    }

    /// Every byte of the folded copy still points at the character it came from, also where the
    /// simplified character is longer in UTF-8 than the traditional one (俓 → 𠇹).
    @Test func originsStayExact() throws {
        let text = "甲乙俓丙機密丁"
        let n = normalized(text)
        #expect(n.string(0..<n.utf8.count) == "甲乙𠇹丙机密丁\n")
        let originals = Array(text.unicodeScalars)
        var byte = 0
        var expected = 0
        while byte < n.utf8.count - 1 {
            #expect(n.origin(ofByte: byte) == expected)
            #expect(originals.indices.contains(expected / 3))
            byte += n.utf8[byte] >= 0xF0 ? 4 : n.utf8[byte] >= 0xE0 ? 3 : 1
            // Every original character is three bytes long.
            expected += 3
        }
    }

    /// Only a segment with a changing character is converted; the one before it is untouched and
    /// positions after it count on.
    @Test func foldingOneSegmentLeavesTheOthersInPlace() {
        let first = Array("身份证号".unicodeScalars)
        let second = Array("號碼".unicodeScalars)
        let n = Normalizer().normalize([
            TextSegment(part: .body, scalars: first, origins: [0, 1, 2, 3]),
            TextSegment(part: .body, scalars: second, origins: [10, 11]),
        ])
        #expect(n.string(0..<n.utf8.count) == "身份证号\n号码\n")
        #expect(n.origin(ofByte: 13) == 10 && n.origin(ofByte: 16) == 11)
    }
}
