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

    /// What a document brought to an aggregation finding ("68 persons" in the manifest) reads in
    /// the report's language (issue 23: the HTML report's aggregation box said it in English).
    @Test func contributionsAreSaidInTheReportsLanguage() {
        #expect(ReportText(.zh).contribution(["68 persons"]) == "68 人")
        #expect(ReportText(.zh).contribution(["route", "time_window"]) == "路线、时段")
        #expect(ReportText(.en).contribution(["68 persons", "route"]) == "68 persons, route")
        #expect(ReportText(.zh).contribution(["masks 3+4"]) == "masks 3+4")
    }
}
