import TestSupport
import Testing

@testable import PubGateCore

@Suite struct TitleKeyTests {
    /// The byte version keys a title as the string version does, whatever spaces, marks and
    /// characters of one to four bytes it holds.
    @Test(arguments: 0..<20) func bytesAreTheKeysBytes(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        let pool: [Unicode.Scalar] = [
            "关", "于", "规", "定", "a", "1", "#", "《", "》", " ", "\t", "\n", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", "é", "（", "😀",
            "\u{200B}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{2029}", "、", "¢", "ሀ", "\u{2030}",
        ]
        for _ in 0..<100 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 30) { view.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            let text = String(view)
            #expect(TitleKey.bytes(of: Array(text.utf8)[...]) == Array(TitleKey.of(text).utf8), "\(text.unicodeScalars.map(\.value))")
            let key = TitleBytes(TitleKey.of(text))
            #expect(key.hasCount(atLeast: 4) == TitleKey.of(text).hasCount(atLeast: 4))
            #expect(key.hashValue == TitleBytes(utf8: TitleKey.bytes(of: Array(text.utf8)[...])).hashValue)
        }
    }
}
