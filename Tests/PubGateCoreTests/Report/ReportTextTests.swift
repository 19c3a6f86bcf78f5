import EncodingKit
import Testing

@testable import PubGateCore

/// What the text reports do with characters they may not carry.
@Suite struct ReportTextTests {
    /// A control character in a title or a file name cannot reach the page (HTML forbids them) nor
    /// split a line of terminal output.
    @Test func controlCharactersAreNeitherInThePageNorInOutputLines() throws {
        #expect(HTMLReport.withoutControlCharacters("a\u{1B}[31mb\u{0}c\nd") == "a\u{FFFD}[31mb\u{FFFD}c\nd")
        #expect("x\ny\u{1B}.txt".escapingControlCharacters == "x\\ny\\u{1b}.txt")
        #expect(JUnitReport.escape("a\nb\u{1}") == "a&#10;b")
    }

    /// An unscannable file's reason is a catalogue sentence too, its English the error's own
    /// description (so the manifest's message is unchanged), its Chinese said by a Chinese report.
    @Test func unscannableReasonsAreCatalogueSentences() {
        let containers: [ContainerError] = [
            .corrupt("x"), .unreadableEntry("a"), .encrypted("a"), .compoundFile, .tooManyEntries(5), .unsafeEntryName("../a"),
            .tooLarge("entry `a`"), .missingPart("word/document.xml"), .malformedPart("a.xml", "y"), .unknownPackage, .pdf("z"),
        ]
        for e in containers {
            #expect(MessageCatalogues.english.text(e.reasonID.id, e.reasonID.args) == e.description, "\(e.reasonID.id)")
        }
        let decoding: [DecodingError] = [
            .binary, .undecodable(offset: 3), .malformed(.utf8, offset: 4), .tooLarge, .unsupported("UTF-32"), .damagedUTF8(offset: 9),
            .notGB18030Text(likelyUTF16: true), .notGB18030Text(likelyUTF16: false),
        ]
        for e in decoding {
            #expect(MessageCatalogues.english.text(e.reasonID.id, e.reasonID.args) == e.description, "\(e.reasonID.id)")
        }
        var f = Finding(ruleID: "container_unscannable", kind: .unscannable, severity: .block, message: "")
        f.say(Message("container_unscannable", ContainerError.encrypted("word/document.xml").reasonArgs))
        #expect(f.message == "cannot scan: entry `word/document.xml` is encrypted with a password")
        #expect(ReportText(.zh).message(f) == "无法扫描：条目 `word/document.xml` 设有密码")
        #expect(ReportText(.en).message(f) == f.message)
    }

    /// What a document brought to an aggregation finding ("68 persons" in the manifest) reads in
    /// the report's language (issue 23: the HTML report's aggregation box said it in English).
    @Test func contributionsAreSaidInTheReportsLanguage() {
        #expect(ReportText(.zh).contribution(["68 persons"]) == "68 人")
        #expect(ReportText(.zh).contribution(["route", "time_window"]) == "路线、时段")
        #expect(ReportText(.en).contribution(["68 persons", "route"]) == "68 persons, route")
        #expect(ReportText(.zh).contribution(["masks 3+4"]) == "masks 3+4")
    }
}
