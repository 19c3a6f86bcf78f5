import Testing

@testable import PubGateCore

@Suite struct CountBoundsTests {
    /// The bounds say what comparing the scalar count says (the normalized copy is composed, so
    /// that is its character count but for rare combining sequences).
    @Test func boundsAgreeWithTheScalarCount() {
        for text in ["", "a", "中文", "e\u{301}e\u{301}", "🇨🇳🇨🇳x", "\r\n\r\n", "签发人:张三", String(repeating: "字", count: 70), "𠀀𠀁字"] {
            let count = text.unicodeScalars.count
            for n in -1...72 {
                #expect(text.hasCount(atMost: max(n, 0)) == (count <= max(n, 0)), "\(text) ≤ \(n)")
                #expect(text.hasCount(atLeast: n) == (count >= n), "\(text) ≥ \(n)")
            }
        }
    }
}
