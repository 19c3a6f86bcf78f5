import Testing

@testable import PubGateCore

/// Digit runs in paths, titles and 文号 (``ElementMasking/maskDigitRuns(_:minimumDigits:letterPrefixedDigits:)``),
/// on both sides of the count below which a text is given back untouched.
@Suite struct ElementMaskingTests {
    @Test func textsWithTooFewNumeralsComeBackAsTheyAre() {
        for text in [
            "docs/2025-06-17/通知.html", "/tmp/bench-100M-tenth/g000009.txt", "2021年5月1日起施行", "测公发〔2021〕6号", "名单-1391234.xlsx", "", "关于网吧治安管理的规定",
        ] {
            #expect(ElementMasking.maskDigitRuns(text, minimumDigits: 9, letterPrefixedDigits: 8) == text)
        }
        #expect(ElementMasking.maskDigitRuns("名单-139123456.xlsx", minimumDigits: 10) == "名单-139123456.xlsx")
    }

    @Test func longRunsAreMaskedWhateverTheirDigits() {
        let ascii = ElementMasking.maskDigitRuns("名单-13912345678.xlsx", minimumDigits: 9, letterPrefixedDigits: 8)
        #expect(ascii != "名单-13912345678.xlsx" && ascii.hasPrefix("名单-") && ascii.hasSuffix(".xlsx") && !ascii.contains("12345"))
        // Full-width digits and Chinese numerals are numbers too, as `Character.isNumber` says.
        #expect(ElementMasking.maskDigitRuns("电话１３９１２３４５６７８") != "电话１３９１２３４５６７８")
        #expect(ElementMasking.maskDigitRuns("编号一二三四五六七八") != "编号一二三四五六七八")
        // Eight digits after a letter: a passport number.
        #expect(ElementMasking.maskDigitRuns("E12345678.pdf", minimumDigits: 9, letterPrefixedDigits: 8) != "E12345678.pdf")
        #expect(ElementMasking.maskDigitRuns("-12345678.pdf", minimumDigits: 9, letterPrefixedDigits: 8) == "-12345678.pdf")
    }
}
