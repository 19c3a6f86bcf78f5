import Testing

@testable import PubGateCore

/// The acceptance cases of the classify stage, through the whole pipeline.
@Suite struct AttributeAssessmentTests {
    /// A 通知 like the 2023 task list: 附注 此件公开发布, no personal data, no markings.
    static let taskListNotice = """
        本溪市公安局办公室关于印发2023年政务公开工作要点的通知

        各分局，市局各单位：
        　　现将《本溪市公安局2023年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。
        　　一、加强政策解读。规范性文件与解读材料同步组织、同步审签、同步部署。
        　　二、做好建议提案办理结果公开。
        　　咨询电话：024-42171135。

        　　　　　　　　　　　　　　本溪市公安局办公室
        　　　　　　　　　　　　　　2023年4月20日
        　　（此件公开发布）
        """

    @Test func taskListNoticeIsApproved() throws {
        let m = try reviewBatch([("notice.txt", Self.taskListNotice)])
        let doc = try #require(m.document("notice.txt"))
        #expect(doc.decision == .approve, "\(doc.findings.map(\.ruleID))")
        #expect(doc.attribute == "主动公开" && doc.attributeDetail?.effective == .active)
    }

    /// A reply's consent field (是否同意公开：否) declares the reply not for publication.
    @Test func aConsentFieldAnsweredNoDeclaresNotPublic() throws {
        let reply = "关于区人大第三次会议第15号建议的答复\n是否同意公开：否\n答复文号：某医保函〔2024〕14号\n王某代表：\n您提出的建议收悉，现答复如下。\n"
        let doc = try #require(try reviewBatch([("reply.txt", reply)]).document("reply.txt"))
        #expect(doc.attributeDetail?.declarations.map(\.value) == [.notPublic] && doc.decision != .approve)
        let agreed = reply.replacingOccurrences(of: "是否同意公开：否", with: "是否同意公开：是")
        let open = try #require(try reviewBatch([("reply.txt", agreed)]).document("reply.txt"))
        #expect(open.attributeDetail?.declarations.map(\.value) == [.active])
    }

    @Test func secretHeaderUnderAPublicAnnotationIsBlockedWithTheConflict() throws {
        let text = "秘密★1年\n" + Self.taskListNotice
        let doc = try #require(try reviewBatch([("secret.txt", text)]).document("secret.txt"))
        #expect(doc.decision == .reject && doc.disposition == .block)
        #expect(doc.findings.contains { $0.kind == .attributeConflict })
        #expect(doc.findings.contains { $0.kind == .secretMark && $0.severity == .block })
        #expect(doc.attributeDetail?.implied == .notPublic && doc.attributeDetail?.effective == .notPublic)
        #expect(doc.attribute == "主动公开")
    }

    @Test func internalPersonnelContentDeclaredPublicIsAMismatch() throws {
        let text = "---\ntitle: 科级干部考察对象民主测评情况\ndisclosure: 主动公开\n---\n现将考察对象民主测评结果通报如下。\n"
        let doc = try #require(try reviewBatch([("cadre.md", text)]).document("cadre.md"))
        let f = try #require(doc.findings.first { $0.kind == .attributeMismatch })
        #expect(f.severity == .review && doc.disposition == .review)
        #expect(doc.attributeDetail?.implied == .onRequest)
    }

    @Test func unmaskedPersonalDataImpliesPartialPublication() throws {
        let text = "---\ntitle: 失物招领\ndisclosure: 主动公开\n---\n失主手机13912345678，请来领取。\n"
        let doc = try #require(try reviewBatch([("lost.md", text)]).document("lost.md"))
        #expect(doc.attributeDetail?.implied == .partial)
        #expect(!doc.findings.contains { $0.kind == .attributeMismatch || $0.kind == .attributeConflict })
    }

    @Test func normativeDocumentMustBeActive() throws {
        let text = "---\ntitle: 关于加强管理的规定\nreg_no: BXGS-2025-009\ndisclosure: 依申请公开\n---\n正文。\n"
        let doc = try #require(try reviewBatch([("n.md", text)]).document("n.md"))
        #expect(doc.findings.contains { $0.ruleID == "attribute_normative_not_active" })
    }
}
