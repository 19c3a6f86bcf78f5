import Foundation
import Testing

@testable import PubGateCore

/// Hostile and broken containers end as `unscannable` (block), quickly and without writing anything.
@Suite struct ZipContainerTests {
    /// Ingests `bytes` and returns the single unscannable finding's message. How long refusing a
    /// bomb takes is measured by Scripts/bench-hostile.sh (a release build), not asserted here.
    func unscannable(_ bytes: [UInt8], name: String, limits: ContainerLimits = .standard) -> String? {
        let doc = IngestStage(limits: limits).run(RawInput(path: name, bytes: bytes))
        guard doc.isUnscannable, doc.findings.count == 1, let f = doc.findings.first, f.kind == .unscannable, f.severity == .block else {
            return nil
        }
        return f.message
    }

    @Test func zipBombIsRejectedAtTheLimit() {
        let message = unscannable(Fixtures.bytes("bomb.docx"), name: "bomb.docx")
        #expect(message?.contains("size or compression-ratio limit") == true)
    }

    @Test func zipBombThatUnderstatesItsSizeIsStoppedWhileInflating() {
        var bytes = Fixtures.bytes("bomb.docx")
        // Claim 1,000 bytes in the local header (offset 22) and the central directory (offset 24).
        let name = Array("word/document.xml".utf8)
        for (signature, sizeOffset, nameOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22, 30), ([0x50, 0x4B, 0x01, 0x02], 24, 46)] {
            var i = 0
            while i + nameOffset + name.count <= bytes.count {
                if Array(bytes[i..<(i + 4)]) == signature, Array(bytes[(i + nameOffset)..<(i + nameOffset + name.count)]) == name {
                    bytes.replaceSubrange((i + sizeOffset)..<(i + sizeOffset + 4), with: [0xE8, 0x03, 0, 0])
                }
                i += 1
            }
        }
        // The limit is met while inflating: the message names the entry that went past it.
        let message = unscannable(bytes, name: "liar.docx")
        #expect(message?.contains("`word/document.xml` inflates beyond") == true)
    }

    @Test func pathTraversalArchiveIsRejectedAndWritesNothing() {
        let message = unscannable(Fixtures.bytes("traversal.docx"), name: "traversal.docx")
        #expect(message?.contains("climbs out of the archive") == true)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pubgate-traversal-canary.txt"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pubgate-absolute-canary.txt"))
    }

    @Test func encryptedCorruptAndLegacyFilesAreUnscannable() {
        #expect(unscannable(Fixtures.bytes("encrypted.docx"), name: "e.docx")?.contains("encrypted with a password") == true)
        let whole = Fixtures.bytes("word-comment-mobile.docx")
        #expect(unscannable(Array(whole.prefix(whole.count / 2)), name: "cut.docx")?.contains("damaged") == true)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        #expect(unscannable(ole, name: "old.doc")?.contains("legacy binary Office file") == true)
        #expect(unscannable(Array("plain words".utf8), name: "fake.pdf")?.contains("neither a ZIP package nor a PDF") == true)
    }

    @Test func entryCountIsLimited() {
        var limits = ContainerLimits()
        limits.maxEntries = 3
        let message = unscannable(Fixtures.bytes("word-comment-mobile.docx"), name: "a.docx", limits: limits)
        #expect(message?.contains("more than 3 entries") == true)
    }

    @Test func entryNamesAreCheckedAndTargetsResolvedInsideTheArchive() {
        #expect(!ZipContainer.isSafe("../x") && !ZipContainer.isSafe("/etc/passwd") && !ZipContainer.isSafe("a\\b"))
        #expect(!ZipContainer.isSafe("C:/x") && ZipContainer.isSafe("word/document.xml"))
        #expect(ZipContainer.resolve("media/image1.png", relativeTo: "word/document.xml") == "word/media/image1.png")
        #expect(ZipContainer.resolve("../customXml/item1.xml", relativeTo: "word/document.xml") == "customXml/item1.xml")
        #expect(ZipContainer.resolve("/xl/worksheets/sheet1.xml", relativeTo: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(ZipContainer.resolve("../../x", relativeTo: "word/document.xml") == nil)
    }

    /// Offset of the central directory record (`PK\1\2`) or local header (`PK\3\4`) naming `entry`.
    static func record(_ signature: UInt8, named entry: String, in bytes: [UInt8]) -> Int? {
        let name = Array(entry.utf8)
        let nameOffset = signature == 1 ? 46 : 30
        var i = 0
        while i + nameOffset + name.count <= bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == signature, bytes[i + 3] == signature + 1,
                Array(bytes[(i + nameOffset)..<(i + nameOffset + name.count)]) == name
            {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Offset of the end of central directory record.
    static func endRecord(in bytes: [UInt8]) -> Int? {
        let signature: [UInt8] = [0x50, 0x4B, 5, 6]
        return (0..<(bytes.count - 3)).last { Array(bytes[$0..<($0 + 4)]) == signature }
    }

    /// One byte inserted before a directory record hid that entry from ZIPFoundation (its listing
    /// stops at the first damaged record), and the header holding the secret mark went unread.
    @Test func aByteInsertedInTheCentralDirectoryMakesTheFileUnscannable() throws {
        let intact = Fixtures.bytes("word-header-secret.docx")
        #expect(scan(intact, name: "a.docx").1.contains { $0.ruleID == "sec_mark_header" })
        var damaged = intact
        damaged.insert(0, at: try #require(Self.record(1, named: "word/header1.xml", in: intact)))
        #expect(unscannable(damaged, name: "a.docx")?.contains("damaged") == true)
    }

    /// ZIPFoundation computes each entry's CRC-32 and leaves the comparison to the caller; an entry
    /// whose checksum is wrong in both headers was read as if intact. Entries no extractor reads
    /// (the theme) are checked too.
    @Test func anEntryFailingItsChecksumMakesTheFileUnscannable() throws {
        let intact = Fixtures.bytes("word-header-secret.docx")
        for entry in ["word/header1.xml", "word/theme/theme1.xml"] {
            var damaged = intact
            let central = try #require(Self.record(1, named: entry, in: intact))
            let local = try #require(Self.record(3, named: entry, in: intact))
            for at in [central + 16, local + 14] { damaged[at] ^= 0x5A }
            #expect(unscannable(damaged, name: "a.docx") == "cannot scan: entry `\(entry)` cannot be read: it is damaged", "\(entry)")
        }
    }

    /// Offsets that point outside the file or into another entry trapped inside ZIPFoundation
    /// ("Range requires lowerBound <= upperBound") and ended the whole batch; they are refused
    /// before ZIPFoundation sees the bytes.
    @Test func directoryOffsetsThatLieAreRefusedBeforeZIPFoundationReadsThem() throws {
        let intact = Fixtures.bytes("notice-id.ofd")
        let central = try #require(Self.record(1, named: "Doc_0/Document.xml", in: intact))
        let firstLocal = try #require(Self.record(3, named: "OFD.xml", in: intact))
        var cases: [(String, [UInt8])] = []
        for (label, offset) in [
            ("past the end", UInt32(intact.count - 10)), ("far past the end", 0xFFFF_FF00), ("another entry", UInt32(firstLocal)),
        ] {
            var bytes = intact
            bytes.replaceSubrange((central + 42)..<(central + 46), with: offset.littleEndianBytes)
            cases.append((label, bytes))
        }
        var sizes = intact
        sizes.replaceSubrange((central + 20)..<(central + 24), with: [0xFF, 0xFF, 0xFF, 0x7F])
        cases.append(("compressed size", sizes))
        let end = try #require(Self.endRecord(in: intact))
        var count = intact
        count[end + 10] &+= 1
        count[end + 8] &+= 1
        cases.append(("entry count", count))
        for (label, bytes) in cases {
            #expect(unscannable(bytes, name: "a.ofd")?.contains("damaged") == true, "\(label)")
        }
    }
}
