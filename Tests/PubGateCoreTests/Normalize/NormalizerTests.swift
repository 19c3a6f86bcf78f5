import TestSupport
import Testing

@testable import PubGateCore

@Suite struct NormalizerTests {
    @Test func fullWidthZeroWidthAndHanSpacesAreNormalized() {
        let text = "签 发 人：机　密☆５年\u{200B}Ａ"
        let segment = TextSegment(part: .body, decoded: Array(text.utf8), range: 0..<text.utf8.count)
        let n = Normalizer().normalize([segment])
        #expect(n.string(0..<n.utf8.count) == "签发人:机密☆5年A\n")
    }

    /// Property: every normalized byte maps back to an original character that normalizes to
    /// the character the byte belongs to (texts long enough to span several origin runs).
    /// The fast loop (ASCII, ideographs, CJK punctuation, full-width ASCII) writes what the
    /// scalar-by-scalar mapping says, around and across the ranges' edges.
    @Test(arguments: 0..<20) func fastPathWritesEachScalarsMapping(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        let pool: [ClosedRange<UInt32>] = [
            0x21...0x7E, 0x3001...0x3040, 0x31F0...0x3210, 0x4DF0...0x4E10, 0x9FF0...0xA010, 0xFEFF...0xFF70, 0xE9...0xE9, 0x201C...0x201D,
        ]
        let scalars: [Unicode.Scalar] = (0..<200).map { _ in
            let range = pool[Int(rng.next() % UInt64(pool.count))]
            return Unicode.Scalar(range.lowerBound + UInt32(rng.next() % UInt64(range.count)))!
        }
        var expected = String.UnicodeScalarView()
        for s in scalars {
            switch Normalizer.mapping(of: s) {
            case .keep: expected.append(s)
            case .drop: break
            case .replace(let n): expected.append(n)
            case .expand(let list): expected.append(contentsOf: list)
            }
        }
        let utf8 = Array(scalars.map(String.init).joined().utf8)
        let n = Normalizer().normalize([TextSegment(part: .body, decoded: utf8, range: 0..<utf8.count)])
        #expect(n.string(0..<n.utf8.count) == String(expected) + "\n")
    }

    @Test(arguments: 0..<50) func mappingBackLandsOnTheOriginalCharacter(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        let alphabet: [Unicode.Scalar] = ["a", "1", "１", "Ａ", "身", "份", " ", "　", "\u{200B}", "\n", "★", "（", "：", "é", "\r"]
        let scalars = (0..<(40 + 17 * seed)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        let utf8 = Array(scalars.map(String.init).joined().utf8)
        // Where each scalar starts in `utf8`: origins are byte offsets.
        let starts = scalars.reduce(into: [0]) { $0.append($0.last! + UTF8.width($1)) }
        let segment = TextSegment(part: .body, decoded: utf8, range: 0..<utf8.count)
        let n = Normalizer().normalize([segment])
        var i = 0
        while i < n.utf8.count {
            var end = i + 1
            while end < n.utf8.count && (n.utf8[end] & 0xC0) == 0x80 { end += 1 }
            let normalized = n.string(i..<end)
            let origin = scalars[starts.firstIndex(of: n.origin(ofByte: i))!]
            let expected: String
            switch Normalizer.mapping(of: origin) {
            case .keep: expected = String(origin)
            case .drop: expected = ""
            case .replace(let n): expected = String(n)
            case .expand(let list): expected = list.map { String($0) }.joined()
            }
            #expect(expected.contains(normalized) || normalized == "\n", "byte \(i) maps to \(origin)")
            i = end
        }
    }
}
