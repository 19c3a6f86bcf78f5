import TestSupport
import Testing

@testable import EncodingKit

@Suite struct TextDecoderTests {
    /// Where each character of `text` starts in its file, then the end.
    func fileOffsets(_ text: DecodedText) -> [Int] {
        text.scalarOffsets.map { text.originalOffset(ofByte: Int($0)) }
    }

    @Test func utf8WithBOMKeepsByteOffsetsOfTheFile() throws {
        let text = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("身a".utf8))
        #expect(text.encoding == .utf8BOM)
        #expect(text.scalars == ["身", "a"])
        #expect(fileOffsets(text) == [3, 6, 7])
    }

    /// The hand-written UTF-8 decoder accepts and rejects exactly what the standard library's does.
    @Test func utf8DecoderAgreesWithTheStandardLibrary() {
        var generator = SeededRandom(seed: 16)
        let interesting: [UInt8] = [
            0x41, 0x0A, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F, 0x90,
        ]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 1...8, using: &generator)).map { _ in interesting.randomElement(using: &generator)! }
            let ours = try? TextDecoder.decodeUTF8(bytes, from: 0, as: .utf8)
            var it = bytes.makeIterator()
            var decoder = UTF8()
            var expected: [Unicode.Scalar]? = []
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let s): expected?.append(s)
                case .emptyInput: break loop
                case .error:
                    expected = nil
                    break loop
                }
            }
            #expect(ours?.scalars == expected, "\(bytes.map { String($0, radix: 16) })")
            if let expected, let ours {
                // Each scalar's offset, then the end.
                let offsets = expected.reduce(into: [0]) { $0.append($0.last! + UTF8.width($1)) }
                #expect(fileOffsets(ours) == offsets)
                // UTF-8 input is its own decoded text.
                #expect(ours.utf8 == bytes)
            }
        }
    }

    @Test func utf16LittleAndBigEndian() throws {
        let le = try TextDecoder.decode([0xFF, 0xFE, 0x2C, 0x67, 0x41, 0x00])
        #expect(le.encoding == .utf16LE)
        #expect(le.string == "本A")
        #expect(fileOffsets(le) == [2, 4, 6])
        let be = try TextDecoder.decode([0xFE, 0xFF, 0x67, 0x2C])
        #expect(be.string == "本")
        // U+0000 is no text in UTF-16 either (found by the fuzz run: it was approved).
        #expect(throws: DecodingError.binary) { try TextDecoder.decode([0xFF, 0xFE, 0x2C, 0x67, 0x00, 0x00, 0x41, 0x00]) }
    }

    @Test func gb18030IsDetectedWhenBytesAreNotUTF8() throws {
        // "本溪a" in GBK.
        let text = try TextDecoder.decode([0xB1, 0xBE, 0xCF, 0xAA, 0x61])
        #expect(text.encoding == .gb18030)
        #expect(text.string == "本溪a")
        #expect(fileOffsets(text) == [0, 2, 4, 5])
    }

    /// UTF-8 damaged in one place is rejected, not read as GB18030 mojibake; Chinese text in
    /// GB18030 is still GB18030, however long.
    @Test func damagedUTF8IsRejectedAndGB18030StaysGB18030() throws {
        let text = "密级：绝密★\n关于某事项的通知\n各有关单位：\n现将有关事项通知如下\n特此通知\n"
        var damaged = Array(text.utf8)
        damaged.insert(contentsOf: [0xC0, 0xAF], at: 40)
        #expect(throws: DecodingError.damagedUTF8(offset: 40)) { try TextDecoder.decode(damaged) }
        #expect(throws: DecodingError.damagedUTF8(offset: 40)) { try TextDecoder.decode(damaged, declared: .utf8) }
        #expect(throws: DecodingError.damagedUTF8(offset: 40)) { try TextDecoder.decode(damaged, declared: .gb18030) }
        let paragraph = String(repeating: "本溪市公安局关于调整户籍业务办理时间的通告，请广大群众相互转告。各分局、各派出所：", count: 40)
        let gbk = try #require(GB18030Oracle.bytes(of: paragraph))
        let decoded = try TextDecoder.decode(gbk)
        #expect(decoded.encoding == .gb18030 && decoded.string == paragraph)
    }

    @Test func utf8DeclaredAsGBKIsReadAsUTF8() throws {
        let text = try TextDecoder.decode(Array("号码：本溪".utf8), declared: .gb18030)
        #expect(text.encoding == .utf8 && text.string == "号码：本溪")
        let paragraph = String(repeating: "本溪市公安局关于调整户籍业务办理时间的通告。", count: 20)
        let gbk = try TextDecoder.decode(try #require(GB18030Oracle.bytes(of: paragraph)), declared: .gb18030)
        #expect(gbk.encoding == .gb18030 && gbk.string == paragraph)
    }

    @Test func utf32IsRefusedNotReadAsUTF16() {
        #expect(throws: DecodingError.unsupported("UTF-32")) { try TextDecoder.decode([0xFF, 0xFE, 0x00, 0x00, 0x2C, 0x67, 0x00, 0x00]) }
        #expect(throws: DecodingError.unsupported("UTF-32")) { try TextDecoder.decode([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x67, 0x2C]) }
    }

    @Test func declaredCharsetIsSniffed() {
        #expect(TextDecoder.declaredCharset(in: Array(#"<meta charset="gbk">"#.utf8)) == .gb18030)
        #expect(TextDecoder.declaredCharset(in: Array(#"<?xml version="1.0" encoding="GB2312"?>"#.utf8)) == .gb18030)
    }

    @Test func binaryIsRejected() {
        #expect(throws: DecodingError.binary) { try TextDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]) }
    }

    @Test func bytesThatAreNeitherUTF8NorGB18030AreRejected() {
        #expect(throws: DecodingError.self) { try TextDecoder.decode([0x61, 0xFF, 0xFF, 0x62]) }
    }

    /// The binary sniff counts what a byte-by-byte count counts.
    @Test func binarySniffAgreesWithAByteCount() {
        var generator = SeededRandom(seed: 122)
        let alphabet: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x0E, 0x1B, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xE4, 0xFF]
        for _ in 0..<200 {
            let common = alphabet[Int.random(in: 9..<alphabet.count, using: &generator)]
            let bytes = (0..<Int.random(in: 0...9000, using: &generator)).map { _ in
                Int.random(in: 0..<40, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : common
            }
            var control = 0
            var nul = false
            for b in bytes.prefix(8192) {
                if b == 0 {
                    nul = true
                    break
                }
                if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { control += 1 }
            }
            #expect(TextDecoder.looksBinary(bytes) == (nul || control > 8))
            #expect(TextDecoder.containsNUL(bytes) == bytes.contains(0))
        }
    }

    /// UTF-16LE without a byte-order mark whose first 8 KiB hold no NUL byte was read as GB18030
    /// garbage and approved, the secret mark and the ID in it never seen. A NUL anywhere makes the
    /// file binary; bytes that read as GB18030 only as rare characters are refused, not guessed.
    @Test func utf16WithoutAByteOrderMarkIsNeverReadAsGB18030() throws {
        // Ideographs whose UTF-16LE bytes are all ASCII (no NUL, no control byte): GB18030 accepts them.
        let filler = String(repeating: "个为主义儿先公关在太子彰扬救晓正水电畔", count: 300)
        let withID = Array((filler + "\n机密 十年\n公民身份号码 11010519491231002X\n").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(!withID.prefix(8192).contains(0))
        #expect(throws: DecodingError.binary) { try TextDecoder.decode(withID) }
        let noASCII = Array((filler + "机密文件严禁外传").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(!noASCII.contains(0))
        #expect(throws: DecodingError.notGB18030Text(likelyUTF16: true)) { try TextDecoder.decode(noASCII) }
        #expect(throws: DecodingError.notGB18030Text(likelyUTF16: true)) { try TextDecoder.decode(noASCII, declared: .gb18030) }
        // With its mark it is read as what it is.
        #expect(try TextDecoder.decode([0xFF, 0xFE] + noASCII).encoding == .utf16LE)
    }

    /// Big5 parses as GB18030 too, into characters Chinese text written in GBK does not use.
    @Test func otherDoubleByteEncodingsAreNotGuessedAsGB18030() throws {
        // 「公告：本局將於」 in Big5 (trail bytes below A1 are outside GB2312's area).
        let big5: [UInt8] = [0xA4, 0xBD, 0xA7, 0x69, 0xA1, 0x47, 0xA5, 0xBB, 0xA7, 0xBD, 0xB1, 0x4E, 0xA9, 0xF3]
        #expect(throws: DecodingError.self) { try TextDecoder.decode(Array(repeating: big5, count: 20).flatMap { $0 }) }
    }
}
