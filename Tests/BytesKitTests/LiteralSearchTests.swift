import BytesKit
import Testing

@Suite struct LiteralSearchTests {
    @Test func findsEveryOccurrenceInTurn() {
        let text = Array("《甲》和《乙》，《".utf8)
        let open = Array("《".utf8)
        var found: [Int] = []
        var from = 0
        while let at = LiteralSearch.firstIndex(of: open, in: text, from: from) {
            found.append(at)
            from = at + 1
        }
        #expect(found == [0, 12, 24])
        #expect(LiteralSearch.firstIndex(of: open, in: text, from: text.count) == nil)
        #expect(LiteralSearch.firstIndex(of: Array("》，《x".utf8), in: text) == nil)
        #expect(LiteralSearch.firstIndex(of: [0x0A], in: Array("a\nb\n".utf8), from: 2) == 3)
        #expect(LiteralSearch.contains(Array("乙》".utf8), in: text))
    }
}
