import Testing

@testable import PubGateCore

@Suite struct PageChromeTests {
    @Test func breadcrumbsNameTheirColumns() {
        #expect(PageChrome.kind(of: "当前位置: 首页 > 信息公开 > 政策解读") == .breadcrumb(columns: ["信息公开", "政策解读"]))
        #expect(PageChrome.kind(of: "首页 > 政务公开 > 规范性文件") == .breadcrumb(columns: ["政务公开", "规范性文件"]))
        // A sentence with an arrow is not a breadcrumb.
        #expect(PageChrome.kind(of: "比赛线路为起点→森林公园北门→终点，全程约21公里，沿途设置补给站和医疗点，请市民合理安排出行") == nil)
    }

    @Test func barsWidgetsAndFootersAreChrome() {
        #expect(PageChrome.kind(of: "发布时间:2025-03-28 08:19 来源:富民县人民政府 浏览次数:") == .dateBar)
        #expect(PageChrome.kind(of: "作者:县政府办 发布时间:2025-03-28") == .dateBar)
        #expect(PageChrome.kind(of: "【打印本页】【关闭窗口】") == .widget)
        #expect(PageChrome.kind(of: "文件下载:") == .widget)
        #expect(PageChrome.kind(of: "网站标识码:1234000001 示ICP备05001234号") == .footer)
        #expect(PageChrome.kind(of: "今天是2025年3月28日 星期五") == .widget)
    }

    @Test func documentTextIsNotChrome() {
        #expect(PageChrome.kind(of: "来源于群众举报的线索，经核查属实。") == nil)
        #expect(PageChrome.kind(of: "各镇人民政府、街道办事处:") == nil)
        #expect(PageChrome.kind(of: "关于开展2025年度安全生产检查的通知") == nil)
    }
}
