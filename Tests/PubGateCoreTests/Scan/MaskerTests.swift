import TestSupport
import Testing

@testable import PubGateCore

@Suite struct MaskerTests {
    @Test func masksTheMiddleOfAValue() {
        #expect(Masker.mask("11010519491231002X") == "1101************2X")
        #expect(Masker.mask("13800138000") == "138******00")
        #expect(Masker.mask("张三") == "**")
        #expect(Masker.excerpt(before: "身份证号：", match: "11010519491231002X", after: "，电话5\n") == "身份证号：«1101************2X»，电话* ")
    }

    /// The scalar path says what counting characters says, for text of one-scalar characters and
    /// for text with combining marks, CR LF, joiners, Han numerals and full-width digits.
    @Test(arguments: 0..<20) func scalarPathEqualsCharacterPath(seed: Int) {
        let pool: [String] = [
            "1", "9", "a", "Z", " ", "\n", "\t", "\r\n", "，", "、", "一", "三", "十", "张", "号", "１", "Ａ", "〇", "・", "—", "…",
            "e\u{301}", "\u{302A}", "👩\u{200D}💻", "\u{FF9E}", "ｶ\u{FF9E}", "\u{3000}", "\u{2028}", "가", "\u{1100}\u{1161}",
        ]
        var generator = SeededRandom(seed: UInt64(seed))
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            let other = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            #expect(Masker.mask(text) == Self.referenceMask(text), "\(text.unicodeScalars.map { $0.value })")
            #expect(
                Masker.excerpt(before: other, match: text, after: other)
                    == Self.referenceDigits(other) + "«" + Self.referenceMask(text) + "»" + Self.referenceDigits(other))
        }
    }

    private static func referenceMask(_ text: String) -> String {
        let chars = Array(text.filter { !$0.isWhitespace || $0 == " " })
        let n = chars.count
        if n <= 2 { return String(repeating: "*", count: n) }
        let (head, tail): (Int, Int) = n >= 15 ? (4, 2) : n >= 9 ? (3, 2) : n >= 5 ? (1, 1) : (1, 0)
        return String(chars[0..<head]) + String(repeating: "*", count: n - head - tail) + String(chars[(n - tail)...])
    }

    private static func referenceDigits(_ s: String) -> String {
        String(s.map { $0.isNumber || ($0.isASCII && $0.isLetter) ? "*" : $0 }.map { $0 == "\n" ? " " : $0 })
    }

    /// The numeric table says what the Unicode property says, for every scalar.
    @Test func numericTableAgreesWithTheProperty() {
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            if Masker.isNumeric(scalar) != (scalar.properties.numericType != nil) {
                Issue.record("U+\(String(v, radix: 16))")
                return
            }
        }
    }
}
