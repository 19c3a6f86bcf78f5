import ICUKit
import Testing

@Suite struct WordBreaksTests {
    func words(_ s: String) -> [String] {
        let scalars = Array(s.unicodeScalars)
        let b = WordBreaks.boundaries(of: scalars)!.sorted()
        return zip(b, b.dropFirst()).map { String(String.UnicodeScalarView(scalars[$0..<$1])) }
    }

    /// 布警 is not a word of 发布警情: 布 ends 发布.
    @Test func aTermAcrossTwoWordsHasNoBoundaryAtItsStart() {
        let b = WordBreaks.boundaries(of: Array("及时发布警情通报".unicodeScalars))!
        #expect(!b.contains(3))  // between 发 and 布
        #expect(b.contains(0) && b.contains(8))
    }

    @Test func boundariesAreScalarOffsetsAcrossSurrogatePairs() {
        let s = "𠀀民警"  // a supplementary-plane character first
        let b = WordBreaks.boundaries(of: Array(s.unicodeScalars))!
        #expect(b.contains(0) && b.contains(3))
        #expect(words("民警在路口设卡检查").joined() == "民警在路口设卡检查")
    }

    @Test func emptyTextHasOneBoundary() {
        #expect(WordBreaks.boundaries(of: []) == [0])
    }
}
