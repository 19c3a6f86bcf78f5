import EncodingKit
import TestSupport
import Testing

@Suite struct UTF8BytesTests {
    /// Decoding a string's UTF-8 by hand gives the string's own scalars, one to four bytes each.
    @Test func scalarsAreTheStringsScalars() {
        var generator = SeededRandom(seed: 7)
        let alphabet: [Unicode.Scalar] = [
            "a", "\n", "\u{7F}", "é", "\u{7FF}", "\u{800}", "中", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "😀", "\u{10FFFF}",
        ]
        for _ in 0..<500 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) { view.append(alphabet.randomElement(using: &generator)!) }
            let string = String(view)
            #expect(UTF8Bytes.scalars(of: string) == Array(string.unicodeScalars))
            #expect(UTF8Bytes.string(UTF8Bytes.scalars(of: string)) == string)
        }
    }

    /// Bytes cut off inside a sequence end in U+FFFD; nothing is read past the buffer.
    @Test func aSequenceCutShortBecomesTheReplacementCharacter() {
        for (bytes, expected) in [
            ([0x41, 0xE4, 0xB8], "A\u{FFFD}"), ([0xE4], "\u{FFFD}"), ([0x41, 0xC3], "A\u{FFFD}"), ([0xF0, 0x9F, 0x98], "\u{FFFD}"),
            ([0xE4, 0xB8, 0xAD, 0x41], "中A"),
        ] as [([UInt8], String)] {
            let scalars = unsafe bytes.withUnsafeBufferPointer { unsafe UTF8Bytes.scalars(ofUTF8: $0) }
            #expect(scalars == Array(expected.unicodeScalars), "\(bytes)")
        }
    }
}
