import Testing

@testable import PubGateCore

@Suite struct WordExtractorTests {
    @Test func identityNumberOnlyInATrackedDeletionIsFoundThere() throws {
        let (doc, findings) = Fixtures.scanned("word-deleted-id.docx")
        #expect(doc.format == .docx && !doc.isUnscannable)
        let id = try #require(findings.first { $0.kind == .residentID })
        #expect(id.part == .deletedRevision)
        #expect(id.location?.container == "word/document.xml ¶2")
        #expect(id.severity == .block)
        #expect(findings.contains { $0.ruleID == "hidden_revisions" && $0.severity == .review })
    }

    @Test func mobileInACommentIsFoundInTheComment() throws {
        let (_, findings) = Fixtures.scanned("word-comment-mobile.docx")
        let mobile = try #require(findings.first { $0.kind == .mobile })
        #expect(mobile.part == .comment)
        #expect(mobile.location?.container == "word/comments.xml ¶1")
        #expect(findings.contains { $0.ruleID == "hidden_comments" && $0.severity == .review })
    }

    @Test func secretMarkInTheHeaderIsAHeaderMark() throws {
        let (doc, findings) = Fixtures.scanned("word-header-secret.docx")
        let mark = try #require(findings.first { $0.ruleID == "sec_mark_header" })
        #expect(mark.part == .header && mark.location?.container == "word/header1.xml ¶1")
        #expect(doc.segments.first?.part == .header, "headers come first, where header-only rules look")
    }

    @Test func hiddenTextAndAuthorPropertiesAreReviewFindings() throws {
        let (doc, findings) = Fixtures.scanned("word-hidden-text.docx")
        #expect(findings.first { $0.kind == .mobile }?.part == .hiddenText)
        #expect(findings.contains { $0.ruleID == "hidden_text" && $0.severity == .review })
        let properties = try #require(findings.first { $0.ruleID == "hidden_properties" })
        #expect(properties.message.contains("lastModifiedBy") && properties.severity == .review)
        #expect(doc.metadata["property:creator"] == "李明")
    }

    @Test func everyPartOfALibreOfficeDraftIsReadAndLabelled() {
        let (doc, findings) = Fixtures.scanned("word-rich.docx")
        let parts = Set(doc.segments.map(\.part))
        for part: ContentPart in [.header, .footer, .body, .footnote, .textBox, .comment, .deletedRevision, .hiddenText, .property] {
            #expect(parts.contains(part), "no \(part.rawValue) segment")
        }
        #expect(findings.first { $0.kind == .workSecret }?.part == .header)
        #expect(findings.first { $0.kind == .mobile && $0.part == .footnote }?.location?.container == "word/footnotes.xml ¶1")
        #expect(findings.first { $0.kind == .mobile && $0.part == .footer } != nil)
        #expect(findings.first { $0.kind == .plate }?.part == .textBox)
        #expect(doc.segments.filter { $0.text.contains("车牌") }.count == 1, "a text box is read once, not again from its fallback")
        #expect(findings.contains { $0.ruleID == "hidden_properties" && $0.message.contains("审核人") })
        let link = findings.first { $0.ruleID == "net_private_ipv4" }
        #expect(link?.part == .attribute && link?.location?.container == "word/_rels/document.xml.rels rId2")
    }

    @Test func openDocumentTextHasTheSameParts() {
        let (doc, findings) = Fixtures.scanned("word-rich.odt")
        #expect(doc.format == .odt)
        #expect(findings.first { $0.kind == .residentID && $0.part == .deletedRevision } != nil)
        #expect(findings.first { $0.kind == .residentID && $0.part == .hiddenText } != nil)
        #expect(findings.first { $0.kind == .mobile && $0.part == .comment }?.location?.container?.hasPrefix("content.xml ¶") == true)
        #expect(findings.first { $0.kind == .workSecret }?.location?.container == "styles.xml ¶1")
        #expect(doc.segments.first { $0.part == .body }?.text == "关于做好防汛值守工作的通知")
        #expect(findings.first { $0.ruleID == "net_private_ipv4" }?.part == .attribute)
    }
}
