import Testing

@testable import PubGateCore

@Suite struct ChromeJudgmentsTests {
    /// The lines of `text`'s matching copy.
    func lines(_ text: String) -> [DocumentLine] {
        let utf8 = Array(text.utf8)
        let normalized = Normalizer().normalize([TextSegment(part: .body, decoded: utf8, range: 0..<utf8.count)])
        return DocumentLine.lines(of: normalized, index: nil)
    }

    /// Each line keeps its own kind, asked once or again, in any order: the content lines and the
    /// breadcrumb read the same judgments.
    @Test func eachLineKeepsItsOwnKind() {
        let all = lines("当前位置：首页 > 政务公开 > 政策解读\n关于开展安全生产检查的通知\n【打印本页】【关闭窗口】\n发布时间：2025-03-28 来源：县政府办\n")
        var chrome = ChromeJudgments()
        for line in all.reversed() + all { #expect(chrome.kind(of: line) == PageChrome.kind(of: line.utf8)) }
        #expect(chrome.kind(of: all[0]) == .breadcrumb(columns: ["政务公开", "政策解读"]))
        #expect(chrome.kind(of: all[1]) == nil)
        #expect(chrome.kind(of: all[2]) == .widget)
        #expect(chrome.kind(of: all[3]) == .dateBar)
    }

    @Test func contentAndBreadcrumbShareTheJudgments() {
        let all = lines("当前位置：首页 > 政务公开 > 政策解读\n关于开展安全生产检查的通知\n各单位：\n【打印本页】【关闭窗口】\n")
        var chrome = ChromeJudgments()
        #expect(ElementExtractor.content(all, chrome: &chrome).map(\.text) == ["关于开展安全生产检查的通知", "各单位:"])
        #expect(Classifier.breadcrumbColumns(all, chrome: &chrome) == ["政务公开", "政策解读"])
    }
}
