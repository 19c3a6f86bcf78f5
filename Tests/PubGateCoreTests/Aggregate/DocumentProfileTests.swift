import Crypto
import Foundation
import Testing

@testable import PubGateCore

/// The text hash the corpus index stores (`text_hash`): indexes built by earlier versions hold
/// these values, so the bytes hashed must not change however the hash is computed.
@Suite struct DocumentProfileTests {
    /// Front matter, indented and blank lines, trailing blanks and a last line without a break.
    static let page = "---\ntitle: 关于网吧治安管理的规定\n---\n  第一条　为了加强管理，制定本规定。  \n\n\n第二条 本规定所称网吧，是指营业场所。\t\n 第三条 本规定自2021年5月1日起施行。"

    @Test func theTextHashCoversTheTrimmedBodyLinesEachWithABreak() {
        let document = classify(Self.page, name: "page.md")
        let body = document.lines.filter { $0.part == .body }
        #expect(body.count == 3)
        let joined = body.map { $0.text + "\n" }.joined()
        let expected = Hex.encode(SHA256.hash(data: Data(joined.utf8)))
        #expect(DocumentProfile(document, asOf: reviewDate).textHash == expected)
        // The value earlier versions stored for this page: a change to what is hashed (or to the
        // normalized bytes) would no longer match the indexes already built.
        #expect(expected == "d36ab8972540d8ae8ab7df738fa98784d33e2d41308be65011f1d14a51368ee7")
    }

    @Test func aBodyOfContiguousLinesHashesLikeItsLines() {
        let document = classify("第一行\n第二行\n第三行\n", name: "plain.txt")
        let expected = Hex.encode(SHA256.hash(data: Data("第一行\n第二行\n第三行\n".utf8)))
        #expect(DocumentProfile(document, asOf: reviewDate).textHash == expected)
    }

    @Test func aProfileMadeWithoutTheHashHasNone() {
        let document = classify(Self.page, name: "page.md")
        #expect(DocumentProfile(document, asOf: reviewDate, hashingText: false).textHash == nil)
    }
}
