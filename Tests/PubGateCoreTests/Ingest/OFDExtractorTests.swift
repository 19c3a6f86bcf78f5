import Testing

@testable import PubGateCore

@Suite struct OFDExtractorTests {
    @Test func pageTextIsInReadingOrderAndTheIDPointsAtItsPageAndLine() throws {
        let (doc, findings) = Fixtures.scanned("notice-id.ofd")
        #expect(doc.format == .ofd)
        let body = doc.segments.filter { $0.part == .body && $0.place?.hasPrefix("Doc_0/Pages/") == true }.map(\.text)
        #expect(body == ["关于公布救助名单的通知", "各社区：现将名单公布如下。", "身份证号：210502198506120436"], "sorted top to bottom")
        let id = try #require(findings.first("pi_resident_id_18", at: "Doc_0/Pages/Page_0/Content.xml page 1 line 3"))
        #expect(id.part == .body && id.location?.line == 3)
    }

    @Test func annotationsInfoAndAttachmentsAreRead() {
        let (doc, findings) = Fixtures.scanned("notice-id.ofd")
        #expect(findings.first { $0.kind == .mobile && $0.part == .annotation } != nil)
        #expect(findings.contains { $0.ruleID == "hidden_annotations" && $0.severity == .review })
        #expect(doc.metadata["property:Author"] == "李明" && doc.metadata["property:Title"] == "关于公布救助名单的通知")
        // The attached spreadsheet is read in turn, its places prefixed with the attachment.
        #expect(findings.first("pi_resident_id_18", at: "Doc_0/Attachs/名单.xlsx › 原始数据!B2")?.part == .hiddenSheet)
        #expect(doc.segments.contains { $0.part == .attachment && $0.text == "名单.xlsx" })
    }
}
