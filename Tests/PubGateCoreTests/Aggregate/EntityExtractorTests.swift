import PCRE2Kit
import Testing
@testable import PubGateCore

@Suite struct EntityExtractorTests {
    /// The identity and day patterns search only where a match can start (digit runs, the bytes
    /// before 月): they must find exactly what a search of every position finds.
    @Test(arguments: 0..<40) func windowedSearchesFindWhatWholeTextSearchesFind(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed))
        let pieces = [
            "1", "2", "9", "*", "X", "x", "月", "日", "时", "a", " ", "\n", "中", "。", "110105194912310021", "3月5日9时",
            "12月31日上午8时", "**************", "1101051949*****02X", "123456789012345", "号",
        ]
        let text = (0..<(100 + 20 * seed)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        let bytes = Array(text.utf8)
        let searches = [
            (EntityExtractor.identity, EntityExtractor.runStarts(in: bytes)),
            (EntityExtractor.dayPattern, EntityExtractor.monthStarts(in: bytes)),
        ]
        for (regex, windows) in searches {
            let whole = try regex.matches(in: bytes, validUTF8: true)
            var windowed: [Range<Int>] = []
            try regex.forEachMatch(in: bytes, startingWithin: windows, validUTF8: true) { groups in
                if let range = groups[0] { windowed.append(range) }
                return true
            }
            #expect(windowed == whole, "\(regex.pattern) on \(text)")
        }
    }
}
