import Foundation
import Testing

@testable import PubGateCore

@Suite struct AttachmentLinkTests {
    @Test func htmlAndMarkdownLinksToDocumentsAreAttachments() {
        let html = IngestStage().run(
            RawInput(
                path: "site/notice.html",
                bytes: Array(
                    """
                    <p>附件：<a href="files/%E5%90%8D%E5%8D%95.xlsx?v=2">名单</a> <a href='https://x.gov.cn/a.pdf'>外链</a>
                    <a href="#top">顶部</a> <img src="logo.png"> <a href=../shared/b.pdf>b</a> <a href="/abs/c.pdf">c</a></p>
                    """.utf8)))
        #expect(AttachmentLinks.paths(in: html, at: "site/notice.html") == ["site/files/名单.xlsx", "shared/b.pdf"])
        let md = IngestStage().run(RawInput(path: "a.md", bytes: Array("附件：[名单](名单.ofd)、[图](x.png)\n".utf8)))
        #expect(AttachmentLinks.paths(in: md, at: "a.md") == ["名单.ofd"])
        let text = Array("<A HREF=\"a.pdf\">a</A> <a data-href=\"b.pdf\"> <img SRC='c.doc'> 链接href=d.pdf".utf8)
        #expect(AttachmentLinks.candidates(in: text) == ["a.pdf", "c.doc"])
    }

    @Test func aRejectedAttachmentRejectsThePageAndAMissingOneIsReviewed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-attach-\(lettersOnlyName())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("files"), withIntermediateDirectories: true)
        try Data(Fixtures.bytes("sheet-hidden-ids.xlsx")).write(to: root.appendingPathComponent("files/名单.xlsx"))
        let page =
            "<html><head><title>名单公示</title></head><body><p>公开方式：主动公开</p><p><a href=\"files/名单.xlsx\">名单</a> <a href=\"files/gone.pdf\">gone</a></p></body></html>"
        try Data(page.utf8).write(to: root.appendingPathComponent("notice.html"))
        // Only the page is named: the attachment beside it is reviewed with it.
        let manifest = try ReviewPipeline(
            configuration: shippedConfiguration, options: ReviewOptions(asOf: reviewDate), version: "test"
        ).run(paths: [root.appendingPathComponent("notice.html").path]).manifest
        #expect(manifest.documents.count == 2)
        let sheet = try #require(manifest.document("名单.xlsx"))
        #expect(sheet.decision == .reject && sheet.disposition == .block)
        let notice = try #require(manifest.document("notice.html"))
        #expect(notice.decision == .reject)
        let rejected = try #require(notice.findings.first { $0.ruleID == "attachment_rejected" })
        #expect(rejected.severity == .block && rejected.message.contains("files/名单.xlsx"))
        #expect(notice.findings.first { $0.ruleID == "attachment_not_reviewed" }?.message.contains("gone.pdf") == true)
        #expect(notice.attachments?.count == 2)
    }
}
