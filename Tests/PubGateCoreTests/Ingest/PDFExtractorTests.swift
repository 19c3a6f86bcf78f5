import Foundation
import Testing
@testable import PubGateCore

@Suite struct PDFExtractorTests {
    @Test func textPDFIDPointsAtPageAndLine() throws {
        let (doc, findings) = Fixtures.scanned("text-id.pdf")
        #expect(doc.format == .pdf)
        let id = try #require(findings.first { $0.ruleID == "pi_resident_id_18" })
        #expect(id.location?.container == "page 2 line 3")
        #expect(doc.metadata["property:Creator"] == "Writer")
        #expect(!findings.contains { $0.kind == .needsOCR })
    }

    @Test func imageOnlyPDFNeedsOCROrAHumanAndIsNeverApproved() throws {
        let (doc, findings) = Fixtures.scanned("scanned.pdf")
        #expect(!doc.isUnscannable)
        let ocr = try #require(findings.first { $0.ruleID == "pdf_needs_ocr" })
        #expect(ocr.kind == .needsOCR && ocr.severity == .review && ocr.message.contains("page(s) 1"))
        let (decision, _) = DecisionPolicy(settings: shippedSettings).decide(findings)
        #expect(decision == .reject)
    }

    @Test func aPDFPopplerCannotOpenIsUnscannable() {
        var damaged = Fixtures.bytes("text-id.pdf")
        damaged.removeLast(damaged.count / 2)
        let (doc, findings) = scan(Array(damaged.prefix(400)), name: "damaged.pdf")
        #expect(doc.isUnscannable)
        #expect(findings.map(\.kind) == [.unscannable])
        #expect(findings.first?.severity == .block)
    }

    @Test func aRenamedPDFIsStillReadAsPDF() {
        let (doc, findings) = scan(Fixtures.bytes("text-id.pdf"), name: "notice.txt")
        #expect(doc.format == .pdf)
        #expect(findings.contains { $0.ruleID == "pi_resident_id_18" })
    }
}
