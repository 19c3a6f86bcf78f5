import BytesKit
import PCRE2Kit
import TestSupport
import Testing

@testable import PubGateCore

@Suite struct EntityExtractorTests {
    /// The identity and day patterns search only where a match can start (digit runs, the bytes
    /// before 月): they must find exactly what a search of every position finds.
    @Test(arguments: 0..<40) func windowedSearchesFindWhatWholeTextSearchesFind(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let pieces = [
            "1", "2", "9", "*", "X", "x", "月", "日", "时", "a", " ", "\n", "中", "。", "110105194912310021", "3月5日9时",
            "12月31日上午8时", "**************", "1101051949*****02X", "123456789012345", "号",
        ]
        let text = (0..<(100 + 20 * seed)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        let bytes = Array(text.utf8)
        let searches = [
            (LinePatterns.shared.identity.regex, EntityExtractor.runStarts(in: bytes)),
            (LinePatterns.shared.operationDay.regex, EntityExtractor.monthStarts(in: bytes)),
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

@Suite struct DigitRunsTests {
    /// The runs are the maximal runs a byte-by-byte walk finds, whatever the text's bytes.
    @Test(arguments: 0..<30) func runsAreTheMaximalRunsOfAByteWalk(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        let alphabet: [UInt8] = [0x30, 0x35, 0x39, 0x2A, 0x2F, 0x3A, 0x29, 0x20, 0x0A, 0x41, 0xE4, 0xB8, 0x80, 0xFF, 0x00, 0xBA]
        // Odd seeds mostly digits and stars, so that long runs (identity numbers) occur too.
        let dense: [UInt8] = Array(repeating: 0x31, count: 12) + Array(repeating: 0x2A, count: 3) + [0xE4]
        let pool = seed % 2 == 0 ? alphabet : dense
        let text = (0..<(50 + 37 * seed)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
        for stars in [false, true] {
            for minLength in [1, 2, 3, 8, 9, 14, 18] {
                var expected: [Range<Int>] = []
                var i = 0
                while i < text.count {
                    let isMember = { (b: UInt8) in (0x30...0x39).contains(b) || (stars && b == 0x2A) }
                    guard isMember(text[i]) else {
                        i += 1
                        continue
                    }
                    let start = i
                    while i < text.count, isMember(text[i]) { i += 1 }
                    if i - start >= minLength { expected.append(start..<i) }
                }
                var found: [Range<Int>] = []
                DigitRuns.forEach(in: text, minLength: minLength, stars: stars) { found.append($0) }
                #expect(found == expected, "minLength \(minLength), stars \(stars)")
            }
        }
    }
}
