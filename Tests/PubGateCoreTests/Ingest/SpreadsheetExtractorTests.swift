import Testing

@testable import PubGateCore

@Suite struct SpreadsheetExtractorTests {
    @Test func identityNumbersOnHiddenSheetsPointAtTheirCells() throws {
        let (doc, findings) = Fixtures.scanned("sheet-hidden-ids.xlsx")
        #expect(doc.format == .xlsx)
        let hidden = try #require(findings.first("pi_resident_id_18", at: "原始数据!B2"))
        #expect(hidden.part == .hiddenSheet && hidden.severity == .block)
        #expect(findings.first("pi_resident_id_18", at: "备份!A1")?.part == .hiddenSheet, "very hidden sheet")
        #expect(findings.first("pi_resident_id_18", at: "公示名单!C3")?.part == .hiddenCell, "hidden row")
        #expect(findings.first("pi_mobile", at: "公示名单!E2")?.part == .hiddenCell, "hidden column")
        #expect(findings.first("pi_mobile", at: "公示名单!B2 comment")?.part == .comment)
        #expect(findings.first("pi_resident_id_masked", at: "公示名单!C2")?.severity == .info, "the visible sheet is masked")
        for rule in ["hidden_sheets", "hidden_cells", "hidden_comments", "hidden_properties"] {
            #expect(findings.contains { $0.ruleID == rule && $0.severity == .review }, "\(rule)")
        }
        #expect(doc.segments.contains { $0.part == .definedName && $0.text.contains("原始数据") })
        #expect(findings.first { $0.kind == .workSecret }?.location?.container == "公示名单 oddHeader", "print header")
    }

    @Test func numbersAreRecoveredAsDigitsAndLostPrecisionIsAFinding() throws {
        let (doc, findings) = Fixtures.scanned("sheet-hidden-ids.xlsx")
        // C2: openpyxl stored 210404199302183672 as the double 2.104041993021837e+17 (16 digits kept).
        #expect(findings.first("sheet_id_as_number", at: "原始数据!C2")?.masked == "2104************00")
        // D2 holds 1.10105199003071E+17: only 15 significant digits left.
        let lost = try #require(findings.first("sheet_id_as_number", at: "原始数据!D2"))
        #expect(lost.kind == .residentID && lost.severity == .block && lost.masked == "1101************00")
        #expect(doc.segments.contains { $0.place == "原始数据!D2" && $0.text.hasPrefix("110105199003071000") })
        let line = try #require(lost.location?.line)
        #expect(doc.decoded!.string.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].contains("王建国"))
    }

    @Test func inlineStringsAndRichRunsAreOneCell() {
        let (_, findings) = Fixtures.scanned("sheet-inline.xlsx")
        #expect(findings.first("pi_mobile", at: "导出!B1") != nil)
        // A2 is a number written with all 18 digits: the detector sees it, no digit was lost.
        #expect(findings.first("pi_resident_id_18", at: "导出!A2") != nil)
        #expect(!findings.contains { $0.ruleID == "sheet_id_as_number" })
    }

    @Test func openDocumentSpreadsheetKeepsHiddenSheetsRowsAndStoredValues() {
        let (doc, findings) = Fixtures.scanned("sheet-hidden-ids.ods")
        #expect(doc.format == .ods)
        #expect(findings.first("pi_resident_id_18", at: "原始数据!B2")?.part == .hiddenSheet)
        #expect(findings.first("pi_resident_id_18", at: "公示名单!C3")?.part == .hiddenCell)
        #expect(findings.first("pi_mobile", at: "公示名单!E2")?.part == .hiddenCell)
        #expect(findings.first("pi_mobile", at: "公示名单!B2 comment")?.part == .comment)
        // LibreOffice stored both numbers with 15 significant digits: both lost their last digits.
        #expect(findings.first("sheet_id_as_number", at: "原始数据!C2") != nil)
        #expect(findings.first("sheet_id_as_number", at: "原始数据!D2") != nil)
    }

    @Test func storedNumbersBecomeTheDigitsTyped() throws {
        let scientific = try #require(StoredNumber("1.10105199003071E+17"))
        #expect(scientific.text == "110105199003071000" && scientific.significantDigits == 15 && scientific.losesIdentityDigits)
        #expect(StoredNumber("13941478826")?.text == "13941478826")
        #expect(StoredNumber("1.3941478826E10")?.text == "13941478826")
        #expect(StoredNumber("210404199302183672")?.losesIdentityDigits == false, "all digits kept")
        #expect(StoredNumber("2.104041993021837e+17")?.losesIdentityDigits == true)
        #expect(StoredNumber("1500E-2")?.text == "15")
        #expect(StoredNumber("3.25")?.text == "3.25" && StoredNumber("3.25")?.isInteger == false)
        #expect(StoredNumber("abc") == nil)
        #expect(SpreadsheetExtractor.withoutHeaderCodes("&L&\"宋体,Bold\"&12内部&&资料&R第&P页") == "内部&资料 第页")
        #expect(CellReference("AA10")?.description == "AA10" && CellReference("$C$7")?.column == 3)
    }
}
