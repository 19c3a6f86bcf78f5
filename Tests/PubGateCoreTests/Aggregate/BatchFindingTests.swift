import Testing

@testable import PubGateCore

@Suite struct BatchFindingTests {
    @Test func aDocumentsFindingNamesAFewOthersAndCountsTheRest() {
        let paths = (1...20).map { "batch/d\($0).html" }
        let finding = BatchFinding(
            rule: "A-03", kind: .aggregationBulk, severity: .review, text: Message("A-03", ["persons": "60", "threshold": "50", "score": "1.200"]),
            paths: paths, contributions: ["batch/d3.html": ["4 persons"]], corpus: ["site/old.html"])
        #expect(finding.message == "60 distinct natural persons with identity numbers across the batch (over 50; graded score 1.200)")
        let document = finding.finding(for: "batch/d3.html")
        #expect(
            document.message
                == "60 distinct natural persons with identity numbers across the batch (over 50; graded score 1.200); this document contributes 4 persons; with d1.html, d2.html, d4.html, d5.html, d6.html and 15 more (see batch_findings)"
        )
        // The report says it in Chinese from the same key and arguments, the batch message included.
        let zh = ReportText(.zh).message(document)
        #expect(zh.hasPrefix("本批次共有 60 名带身份证号码的不同自然人") && zh.contains("另有 15 份"), "\(zh)")
        let small = BatchFinding(
            rule: "A-01", kind: .aggregationLinkage, severity: .review, text: Message("A-01", ["persons": "1", "names": "陈**"]),
            paths: ["a/x.md", "a/y.md"], contributions: [:])
        // A document with no contribution of its own recorded says only whom it is with.
        let alone = small.finding(for: "a/x.md")
        #expect(alone.message.hasSuffix("than any one; with y.md"), "\(alone.message)")
        #expect(ReportText(.zh).message(alone).hasSuffix("；相关文档：y.md"), "\(ReportText(.zh).message(alone))")
    }
}
