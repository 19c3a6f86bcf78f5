import Testing

@testable import PubGateCore

@Suite struct RuleScannerTests {
    @Test func aRuleListsAThousandFindingsPerDocumentAndCountsTheRest() {
        let numbers = (0..<1005).map { "联系电话：1380013\(String(format: "%04d", $0))" }.joined(separator: "\n")
        let (_, findings) = scan(Array(numbers.utf8), name: "list.txt")
        let mobiles = findings.filter { $0.ruleID == "pi_mobile" }
        #expect(mobiles.count == RuleScanner.listedPerRule + 1)
        let summary = mobiles.filter { $0.location == nil }
        #expect(summary.count == 1)
        #expect(summary.first?.message.hasPrefix("5 more matches of this rule are not listed") == true)
        #expect(summary.first?.severity == .block)
    }
}
