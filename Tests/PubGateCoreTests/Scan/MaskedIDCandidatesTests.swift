import Foundation
import Testing

@testable import PubGateCore

/// The count of identity numbers a mask leaves possible, computed digit by digit, against the
/// straightforward count (every date of the century formatted and compared as text) on seeded
/// random masks of real and damaged numbers.
@Suite struct MaskedIDCandidatesTests {
    static func reference(_ c: [Character], isMask: (Character) -> Bool, asOf: SimpleDate) -> Double {
        let long = c.count == 18
        let pow10 = { (n: Int) in (0..<n).reduce(1.0) { r, _ in r * 10 } }
        let region = c[0..<6].filter(isMask).count
        let sequence = c[(long ? 14 : 12)..<(long ? 17 : 15)].filter(isMask).count
        let birth = Array(c[6..<(long ? 14 : 12)])
        func fits(_ text: String) -> Bool { zip(text, birth).allSatisfy { d, b in isMask(b) || d == b } }
        var dates = 0.0
        for year in (long ? Array(1900...asOf.year) : Array(1900...1999)) {
            let y = long ? String(year) : String(String(year).suffix(2))
            guard fits(y) else { continue }
            for month in 1...12 {
                let ym = y + String(format: "%02d", month)
                guard fits(ym) else { continue }
                for day in 1...31 {
                    guard let date = SimpleDate(year: year, month: month, day: day), date <= asOf, fits(ym + String(format: "%02d", day)) else {
                        continue
                    }
                    dates += 1
                }
            }
        }
        var count = pow10(region) * dates * pow10(sequence)
        if long, !isMask(c[17]) { count /= 11 }
        return count
    }

    @Test(arguments: 1...8) func digitByDigitCountsWhatTheTextComparisonCounts(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        let isMask: (Character) -> Bool = { $0 == "*" || $0 == "×" }
        let bases = ["11010519491231002X", "210302199507231847", "320102200002290013", "110105491231002", "44030119880230123X"]
        for _ in 0..<40 {
            var c = Array(bases[Int(rng.next() % UInt64(bases.count))])
            for i in c.indices where rng.next() % 3 == 0 { c[i] = rng.next() % 2 == 0 ? "*" : "×" }
            if rng.next() % 7 == 0 { c[6 + Int(rng.next() % 4)] = "X" }
            #expect(
                Validators.maskedIDCandidates(c, isMask: isMask, asOf: reviewDate) == Self.reference(c, isMask: isMask, asOf: reviewDate),
                "\(String(c))")
        }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
