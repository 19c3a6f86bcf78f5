import Foundation
import Testing

@testable import PubGateCore

/// Poppler runs through swift-subprocess, whose tasks need Swift's pool: each test reads its PDFs
/// off the pool (``OwnThreads/run(_:)``), as the pipeline's workers do.
@Suite struct PDFExtractorTests {
    @Test func textPDFIDPointsAtPageAndLine() async throws {
        let (doc, findings) = await OwnThreads.run { Fixtures.scanned("text-id.pdf") }
        #expect(doc.format == .pdf)
        let id = try #require(findings.first { $0.ruleID == "pi_resident_id_18" })
        #expect(id.location?.container == "page 2 line 3")
        #expect(doc.metadata["property:Creator"] == "Writer")
        #expect(!findings.contains { $0.kind == .needsOCR })
    }

    @Test func imageOnlyPDFNeedsOCROrAHumanAndIsNeverApproved() async throws {
        let (doc, findings) = await OwnThreads.run { Fixtures.scanned("scanned.pdf") }
        #expect(!doc.isUnscannable)
        let ocr = try #require(findings.first { $0.ruleID == "pdf_needs_ocr" })
        #expect(ocr.kind == .needsOCR && ocr.severity == .review && ocr.message.contains("page(s) 1"))
        let (decision, _) = DecisionPolicy(settings: shippedSettings).decide(findings)
        #expect(decision == .reject)
    }

    @Test func aPDFPopplerCannotOpenIsUnscannable() async {
        var damaged = Fixtures.bytes("text-id.pdf")
        damaged.removeLast(damaged.count / 2)
        let cut = Array(damaged.prefix(400))
        let (doc, findings) = await OwnThreads.run { scan(cut, name: "damaged.pdf") }
        #expect(doc.isUnscannable)
        #expect(findings.map(\.kind) == [.unscannable])
        #expect(findings.first?.severity == .block)
    }

    @Test func aRenamedPDFIsStillReadAsPDF() async {
        let (doc, findings) = await OwnThreads.run { scan(Fixtures.bytes("text-id.pdf"), name: "notice.txt") }
        #expect(doc.format == .pdf)
        #expect(findings.contains { $0.ruleID == "pi_resident_id_18" })
    }

    /// A poppler tool still running at the time limit is killed, and the PDF whose text was not
    /// read in full is unscannable: blocked, never approved.
    @Test func aPDFPopplerDoesNotReadInTimeIsUnscannable() async {
        var limits = ContainerLimits()
        limits.pdfTimeout = 0.001
        let doc = await OwnThreads.run { [limits] in IngestStage(limits: limits).run(RawInput(path: "a.pdf", bytes: Fixtures.bytes("text-id.pdf"))) }
        #expect(doc.isUnscannable)
        #expect(doc.findings.map(\.kind) == [.unscannable] && doc.findings.first?.severity == .block)
        #expect(doc.findings.first?.message.contains("did not finish within") == true)
        #expect(DecisionPolicy(settings: shippedSettings).decide(doc.findings).0 == .reject)
    }

    /// A one-page text PDF written by hand: `lines` shown one under another in Helvetica.
    static func handWrittenPDF(_ lines: [String], operator op: String = "Tj") -> [UInt8] {
        let shown = lines.map { "(\($0)) \(op) T*" }.joined(separator: "\n")
        let content = "BT /F1 12 Tf 72 720 Td 14 TL\n\(shown)\nET\n"
        let objects = [
            "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
            "<</Length \(content.utf8.count)>>\nstream\n\(content)\nendstream", "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        pdf += "trailer\n<</Size \(objects.count + 1)/Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }

    /// One flipped bit turns `Tj` into `Tk`: poppler recovers with "Syntax Error … Unknown operator"
    /// and the line with the ID is gone from the text; only its exit status was read, so the file
    /// was approved. Its complaints now make the document `review` at least, whatever the settings.
    @Test func popplerComplaintsMakeThePDFScanIncomplete() async throws {
        let lines = ["Notice of summer duty", "Citizen identity number 11010519491231002X", "End of notice"]
        let (intact, flipped) = await OwnThreads.run {
            (scan(Self.handWrittenPDF(lines), name: "a.pdf").1, scan(Self.handWrittenPDF(lines, operator: "Tk"), name: "a.pdf").1)
        }
        #expect(intact.contains { $0.ruleID == "pi_resident_id_18" } && !intact.contains { $0.ruleID == "pdf_damaged" })
        #expect(!flipped.contains { $0.ruleID == "pi_resident_id_18" })
        let damaged = try #require(flipped.first { $0.ruleID == "pdf_damaged" })
        #expect(damaged.kind == .scanIncomplete && damaged.severity == .review && damaged.message.contains("Unknown operator"))
        let lenient = DecisionPolicy(reject: [], overrides: ["pdf_damaged": .info, "scan_incomplete": .info])
        #expect(lenient.decide(lenient.adjust(flipped)).0 == .reject)
    }
}
