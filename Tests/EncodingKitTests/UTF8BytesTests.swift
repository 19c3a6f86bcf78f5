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
            let scalars = UTF8Bytes.scalars(ofUTF8: bytes.span)
            #expect(scalars == Array(expected.unicodeScalars), "\(bytes)")
        }
    }

    /// The word-at-a-time scans stop where a byte-by-byte reading of their definitions stops,
    /// wherever the stop falls in an eight-byte word.
    @Test func wordScansAgreeWithByteByByteScans() {
        var generator = SeededRandom(seed: 21)
        let alphabet: [Unicode.Scalar] = ["a", "Z", " ", "\t", "\r", "\n", "&", "]", "H", "s", "中", "、", "\u{3000}", "\u{4DFF}", "丁", "é"]
        for _ in 0..<400 {
            let text = String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    }))
            let bytes = Array(text.utf8)
            let start = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            let plain = bytes[start...].firstIndex { $0 >= 0x80 || $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } ?? bytes.count
            #expect(UTF8Bytes.plainASCIIEnd(in: bytes.span, from: start, to: bytes.count) == plain, "\(bytes)")
            let folded = bytes[start...].firstIndex { [0x7D, 0x68, 0x73].contains($0 | 0x20) } ?? bytes.count
            #expect(UTF8Bytes.firstFolded((0x7D, 0x68, 0x73), in: bytes.span, from: start) == folded, "\(bytes)")
            let lineBreak = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
            #expect(UTF8Bytes.firstLineBreak(in: bytes.span, from: start, to: bytes.count) == lineBreak, "\(bytes)")
            // The same text from a shifted start: equal bytes up to the first difference, `&` or `\r`.
            let other = Array(bytes[start...]) + [0x21]
            var same = 0
            while same < bytes.count - start, bytes[start + same] == other[same], bytes[start + same] != 0x26, bytes[start + same] != 0x0D {
                same += 1
            }
            #expect(UTF8Bytes.commonRun(bytes.span, start, other.span, 0) == same, "\(bytes)")
        }
    }

    /// The kept CJK run ends at the first character outside U+4E00–U+9FFF and U+3001–U+31FF.
    @Test func cjkRunsEndAtTheRangesEdges() {
        let kept: [UInt32] = [0x3001, 0x3040, 0x31FF, 0x4E00, 0x6587, 0x9FFF]
        let stops: [UInt32] = [0x3000, 0x3200, 0x4DFF, 0xA000, 0xFF0C, 0x41, 0x2FFF]
        for k in kept {
            for stop in stops {
                let text = String(String.UnicodeScalarView([Unicode.Scalar(k)!, Unicode.Scalar(k)!, Unicode.Scalar(stop)!]))
                let bytes = Array(text.utf8)
                let run = UTF8Bytes.cjkRunEnd(in: bytes.span, from: 0, to: bytes.count, marks: [UInt64]().span)
                #expect(run.end == 6 && run.last == k && !run.marked, "U+\(String(k, radix: 16)) then U+\(String(stop, radix: 16))")
            }
        }
        // A marked character is reported.
        var marks = [UInt64](repeating: 0, count: 0x10000 / 64)
        marks[0x6A5F >> 6] |= 1 << (0x6A5F & 63)
        let bytes = Array("文機".utf8)
        #expect(UTF8Bytes.cjkRunEnd(in: bytes.span, from: 0, to: bytes.count, marks: marks.span).marked)
    }
}
