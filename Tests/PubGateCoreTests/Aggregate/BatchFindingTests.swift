import Testing
@testable import PubGateCore

@Suite struct BatchFindingTests {
    @Test func aDocumentsFindingNamesAFewOthersAndCountsTheRest() {
        let paths = (1...20).map { "batch/d\($0).html" }
        let finding = BatchFinding(
            rule: "A-03", kind: .aggregationBulk, severity: .review, message: "many persons", paths: paths,
            contributions: ["batch/d3.html": ["4 persons"]], corpus: ["site/old.html"])
        let message = finding.finding(for: "batch/d3.html").message
        #expect(message == "many persons; this document contributes 4 persons; with d1.html, d2.html, d4.html, d5.html, d6.html and 15 more (see batch_findings)")
        let small = BatchFinding(rule: "A-01", kind: .aggregationLinkage, severity: .review, message: "m", paths: ["a/x.md", "a/y.md"], contributions: [:])
        #expect(small.finding(for: "a/x.md").message == "m; this document contributes ; with y.md")
    }
}
