import Foundation
import Testing
@testable import PubGateCore

/// Hostile and broken containers end as `unscannable` (block), quickly and without writing anything.
@Suite struct ZipContainerTests {
    /// Ingests `bytes` and returns the single unscannable finding's message, with the time it took.
    func unscannable(_ bytes: [UInt8], name: String, limits: ContainerLimits = .standard) -> (message: String?, seconds: Double) {
        let start = ContinuousClock.now
        let doc = IngestStage(limits: limits).run(RawInput(path: name, bytes: bytes))
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard doc.isUnscannable, doc.findings.count == 1, let f = doc.findings.first, f.kind == .unscannable, f.severity == .block else {
            return (nil, seconds)
        }
        return (f.message, seconds)
    }

    @Test func zipBombIsRejectedWithinASecond() {
        let (message, seconds) = unscannable(Fixtures.bytes("bomb.docx"), name: "bomb.docx")
        #expect(message?.contains("size or compression-ratio limit") == true)
        #expect(seconds < 1)
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
        let (message, seconds) = unscannable(bytes, name: "liar.docx")
        #expect(message?.contains("`word/document.xml` inflates beyond") == true)
        // A second in a release build (measured: 0.11 s); a debug build on a loaded CI machine is
        // slower, while inflating the whole bomb would take far longer than this bound.
        #expect(seconds < 3)
    }

    @Test func pathTraversalArchiveIsRejectedAndWritesNothing() {
        let (message, _) = unscannable(Fixtures.bytes("traversal.docx"), name: "traversal.docx")
        #expect(message?.contains("climbs out of the archive") == true)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pubgate-traversal-canary.txt"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pubgate-absolute-canary.txt"))
    }

    @Test func encryptedCorruptAndLegacyFilesAreUnscannable() {
        #expect(unscannable(Fixtures.bytes("encrypted.docx"), name: "e.docx").message?.contains("encrypted with a password") == true)
        let whole = Fixtures.bytes("word-comment-mobile.docx")
        #expect(unscannable(Array(whole.prefix(whole.count / 2)), name: "cut.docx").message?.contains("damaged") == true)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        #expect(unscannable(ole, name: "old.doc").message?.contains("legacy binary Office file") == true)
        #expect(unscannable(Array("plain words".utf8), name: "fake.pdf").message?.contains("neither a ZIP package nor a PDF") == true)
    }

    @Test func entryCountIsLimited() {
        var limits = ContainerLimits()
        limits.maxEntries = 3
        let (message, _) = unscannable(Fixtures.bytes("word-comment-mobile.docx"), name: "a.docx", limits: limits)
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
}
