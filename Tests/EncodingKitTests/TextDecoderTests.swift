import EncodingKit
import Testing

@Suite struct TextDecoderTests {
    @Test func utf8WithBOMKeepsByteOffsetsOfTheFile() throws {
        let text = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("身a".utf8))
        #expect(text.encoding == .utf8BOM)
        #expect(text.scalars == ["身", "a"])
        #expect(text.byteOffsets == [3, 6, 7])
    }

    @Test func utf16LittleAndBigEndian() throws {
        let le = try TextDecoder.decode([0xFF, 0xFE, 0x2C, 0x67, 0x41, 0x00])
        #expect(le.encoding == .utf16LE)
        #expect(le.string == "本A")
        #expect(le.byteOffsets == [2, 4, 6])
        let be = try TextDecoder.decode([0xFE, 0xFF, 0x67, 0x2C])
        #expect(be.string == "本")
    }

    @Test func gb18030IsDetectedWhenBytesAreNotUTF8() throws {
        // "本溪a" in GBK.
        let text = try TextDecoder.decode([0xB1, 0xBE, 0xCF, 0xAA, 0x61])
        #expect(text.encoding == .gb18030)
        #expect(text.string == "本溪a")
        #expect(text.byteOffsets == [0, 2, 4, 5])
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
}
