/// The lines a site's template puts around every article: breadcrumbs, date-and-source bars,
/// share and print widgets, the footer.
///
/// They are served, so the scan still reads them, but they are not the document: a breadcrumb is
/// not a title, a `发布时间：… 来源：…` bar is not a 主送机关, and `【打印】【关闭】` ends no body. The
/// breadcrumb is kept for what it says about the page — the column (栏目) it is filed under, which
/// on a real site decides its type and 公开属性. Lines are judged in the matching copy (full-width
/// colons and brackets are ASCII there).
enum PageChrome {
    enum Kind: Sendable, Equatable {
        /// `当前位置：首页 > 政务公开 > 政策解读`; the items after the home page, outermost first.
        case breadcrumb(columns: [String])
        /// `发布时间：2025-03-28 来源：… 浏览次数：`.
        case dateBar
        /// Print, close, share, font-size and download widgets, and `今天是…` greetings.
        case widget
        /// The site footer: 网站标识码, ICP 备案, 版权所有, 主办单位.
        case footer
    }

    /// What kind of chrome `line` is, or nil for document text.
    static func kind(of line: String) -> Kind? {
        kind(of: Array(line.utf8)[...])
    }

    /// What kind of chrome the line `utf8` (of the matching copy) is, or nil for document text.
    /// Tested on the bytes: a `String` is made only for a line that shows a sign of chrome.
    static func kind(of utf8: ArraySlice<UInt8>) -> Kind? {
        // A chrome line is short: at most 160 characters, so at most 640 bytes.
        guard utf8.count <= 640, mayBeChrome(utf8), utf8.hasScalarCount(atMost: 160) else { return nil }
        // Each kind is looked for only when a cheap sign of it is there: most lines are text.
        if utf8.includes(Self.position) || Self.homes.contains(where: { utf8.hasPrefix($0) }) && hasSeparator(utf8),
            let columns = breadcrumb(String(decoding: utf8, as: UTF8.self))
        {
            return .breadcrumb(columns: columns)
        }
        if footerWords.contains(where: { utf8.includes($0) }), utf8.hasMatch(\.chromeFooter) { return .footer }
        if utf8.includes(Self.colon), isDateBar(utf8) { return .dateBar }
        if utf8.hasScalarCount(atMost: 40), utf8.wholeMatch(\.chromeWidget) || utf8.hasPrefix(Self.greeting) && utf8.hasMatch(\.chromeGreeting) {
            return .widget
        }
        if utf8.hasSuffix(Self.siteSuffix) || utf8.hasSuffix(Self.netSuffix) || utf8.includes(Self.siteAndSpace), utf8.wholeMatch(\.chromeSiteName) {
            return .footer
        }
        return nil
    }

    /// A cheap first look: chrome has a colon, a separator, a bracket or is short; a long line of
    /// running text is none of them, and most lines are running text.
    static func mayBeChrome(_ utf8: ArraySlice<UInt8>) -> Bool {
        if utf8.count <= 45 { return true }
        for b in utf8 where b == UInt8(ascii: ":") || b == UInt8(ascii: ">") || b == UInt8(ascii: "|") || b == 0xBB || b == 0x80 {
            return true  // 0xBB ends 》›»; 0x80 continues 【】→ and the like
        }
        return false
    }

    /// A breadcrumb's separators: > / - in ASCII, » › → (whose UTF-8 holds 0xBB, 0xBA, 0x86).
    static func hasSeparator(_ utf8: ArraySlice<UInt8>) -> Bool {
        utf8.contains { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 == 0xBB || $0 == 0xBA || $0 == 0x86 }
    }

    /// How a breadcrumb without a lead word starts: at the home page.
    static let homes: [LineLiteral] = ["首页", "首 页", "网站首页", "门户首页", "主页"]

    static let footerWords = ["标识码", "ICP", "公网安备", "版权所有", "主办单位", "承办单位", "技术支持", "网站地图", "联系我们"].map { Array($0.utf8) }

    private static let position = Array("位置".utf8)
    private static let greeting: LineLiteral = "今天是"
    private static let siteSuffix: LineLiteral = "网站"
    private static let netSuffix: LineLiteral = "网"
    private static let siteAndSpace = Array("网站 ".utf8)
    private static let fullStop = Array("。".utf8)
    /// Searched with `memchr`: most lines hold none, and a byte loop read each of them to its end.
    private static let colon = Array(":".utf8)

    static func breadcrumb(_ line: String) -> [String]? {
        var rest = line
        let led = line.firstMatch(\.chromeBreadcrumb).map { rest = $0 } != nil
        let items = rest.split(regex: \.chromeBreadcrumbSeparator).map { $0.trimmingWhiteSpace }.filter { !$0.isEmpty }
        let home = items.first.map { $0.wholeMatch(\.chromeHome) } ?? false
        // Without the lead word the line must start at the home page and have at least two steps.
        guard led || (home && items.count >= 2) else { return nil }
        guard items.allSatisfy({ $0.hasCount(atMost: 24) }) else { return nil }
        return Array(items.drop { $0.wholeMatch(\.chromeHome) })
    }

    /// A line of bar fields: it starts with one, or holds two or more of them.
    static func isDateBar(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.hasMatch(\.chromeDateBarStart) || line.count(of: \.chromeDateBarField) >= 2 else {
            return false
        }
        // A sentence is not a bar: bars carry no full stop.
        return !line.includes(Self.fullStop)
    }
}
