import Testing
@testable import PubGateCore

@Suite struct CountBoundsTests {
    /// The bounds say what comparing `count` says, graphemes of several scalars included.
    @Test func boundsAgreeWithCount() {
        for text in ["", "a", "中文", "e\u{301}e\u{301}", "🇨🇳🇨🇳x", "\r\n\r\n", "签发人:张三", String(repeating: "字", count: 70)] {
            for n in -1...72 {
                #expect(text.hasCount(atMost: max(n, 0)) == (text.count <= max(n, 0)), "\(text) ≤ \(n)")
                #expect(text.hasCount(atLeast: n) == (text.count >= n), "\(text) ≥ \(n)")
            }
        }
    }
}
