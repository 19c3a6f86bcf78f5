import Foundation
import Testing

@testable import PubGateCore

/// A name a case finding flags is not repeated by the review anywhere else: not in the title, the
/// 主送 element or the excerpt of another finding. `--show-matches` shows it, as every match.
@Suite struct NameMaskingTests {
    static let decision = """
        <html><head><title>县市场监督管理局行政处罚决定书（县市监罚〔2025〕41号 贺春生）</title></head><body>
        <h1>县市场监督管理局行政处罚决定书（县市监罚〔2025〕41号 贺春生）</h1>
        <p>贺春生：</p>
        <table><tr><th>当事人</th><th>身份证号</th></tr><tr><td>贺春生</td><td>43**************21</td></tr></table>
        <p>经查，你销售超过保质期的食品，本局决定给予警告。</p>
        </body></html>
        """

    @Test func aFlaggedNameIsMaskedInTitlesElementsAndExcerpts() throws {
        let manifest = try reviewBatch([("a.html", Self.decision)])
        let review = try #require(manifest.document("a.html"))
        #expect(review.findings.contains { $0.kind == .casePerson })
        let shown = String(decoding: try JSONEncoder().encode(review), as: UTF8.self)
        #expect(!shown.contains("贺春生"))
        #expect(review.title?.contains("贺**") == true)
        #expect(review.elements?.recipients?.text == "贺**")
    }

    @Test func showMatchesShowsTheName() throws {
        let manifest = try reviewBatch([("a.html", Self.decision)], showMatches: true)
        #expect(manifest.document("a.html")?.title?.contains("贺春生") == true)
    }
}
