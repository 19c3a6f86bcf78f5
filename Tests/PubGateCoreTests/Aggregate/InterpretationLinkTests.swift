import Testing

@testable import PubGateCore

@Suite struct InterpretationLinkTests {
    static let policy = """
        ---
        title: 本溪市公安局关于电动自行车登记管理的规定
        doc_no: 本公发〔2025〕12号
        reg_no: BXGS-2025-004
        written_date: 2025-06-13
        disclosure: 主动公开
        ---
        第九条　本规定自2025年7月1日起施行，有效期5年。
        """
    static let interpretationByTitle = """
        ---
        title: 《本溪市公安局关于电动自行车登记管理的规定》政策解读
        disclosure: 主动公开
        ---
        现就有关内容解读如下。
        解读单位：市公安局交警支队
        解读人：刘建军
        解读电话：024-42171135
        """
    static let interpretationByNumber = """
        ---
        title: 电动自行车登记新规问答
        interprets: 本公发［2025］12号
        disclosure: 主动公开
        ---
        解读单位：市公安局交警支队
        解读人：刘建军
        解读电话：024-42171135
        """

    func kinds(_ m: Manifest, _ name: String) -> [FindingKind] {
        m.document(name)?.findings.map(\.kind) ?? []
    }

    @Test func policyWithItsInterpretationInTheBatchPasses() throws {
        let m = try reviewBatch([("policy.md", Self.policy), ("jd.md", Self.interpretationByTitle)])
        #expect(m.document("policy.md")?.decision == .approve)
        #expect(m.document("jd.md")?.decision == .approve)
    }

    @Test func interpretationLinkedByDocumentNumberCounts() throws {
        let m = try reviewBatch([("policy.md", Self.policy), ("jd.md", Self.interpretationByNumber)])
        #expect(!kinds(m, "policy.md").contains(.interpretationMissing))
        #expect(!kinds(m, "jd.md").contains(.interpretationMissing))
    }

    @Test func policyWithoutInterpretationIsRejectedForFix() throws {
        let m = try reviewBatch([("policy.md", Self.policy)])
        let doc = try #require(m.document("policy.md"))
        #expect(doc.findings.map(\.kind) == [.interpretationMissing])
        #expect(doc.decision == .reject && doc.disposition == .fix)
    }

    @Test func interpretationAlreadyPublishedOnTheSiteCounts() throws {
        let m = try reviewBatch([("policy.md", Self.policy)], published: [("jd.md", Self.interpretationByTitle)])
        #expect(m.document("policy.md")?.decision == .approve)
    }

    @Test func interpretationWhosePolicyIsNowhereIsFlagged() throws {
        let m = try reviewBatch([("jd.md", Self.interpretationByTitle)])
        let f = try #require(m.document("jd.md")?.findings.first { $0.ruleID == "interpretation_orphan" })
        #expect(f.severity == .warn)
        let withSite = try reviewBatch([("jd.md", Self.interpretationByTitle)], published: [("policy.md", Self.policy)])
        #expect(withSite.document("jd.md")?.findings.contains { $0.ruleID == "interpretation_orphan" } == false)
    }

    @Test func aPolicyPageLinkingItsInterpretationNeedsNoInterpretationInTheBatch() throws {
        let linked = Self.policy + "\n相关解读：《本溪市公安局关于电动自行车登记管理的规定》政策解读\n"
        #expect(try reviewBatch([("policy.md", linked)]).document("policy.md")?.decision == .approve)
        let mentioned = Self.policy + "\n本规定的政策解读将另行发布。\n"
        #expect(try reviewBatch([("policy.md", mentioned)]).document("policy.md")?.decision == .reject)
    }

    @Test func nonActivePolicyNeedsNoInterpretation() throws {
        let onRequest = Self.policy.replacingOccurrences(of: "disclosure: 主动公开", with: "disclosure: 依申请公开")
        let m = try reviewBatch([("policy.md", onRequest)])
        #expect(!kinds(m, "policy.md").contains(.interpretationMissing))
    }
}
