import PCRE2Kit

/// The 公示期 of a publicity page (domain-spec §9 E-03): an explicit range
/// (`公示期：2025年5月6日至2025年5月12日`) or a length counted from publication
/// (`公示期为7个工作日`). Only these statements count; other dates in prose do not.
public struct PublicityWindow: Sendable, Codable, Hashable {
    /// The last day of publicity.
    public let lastDay: SimpleDate
    /// How it was found: `range` or `days_from_publication`.
    public let basis: String

    private static let range = try! Regex(
        #"公示(?:期|时间)(?:为)?[:：]?[ ]?(?:自|从)?([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日[ ]?(?:起)?[ ]?(?:至|到|—|-|~)[ ]?(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日"#)
    private static let length = try! Regex(#"公示(?:期|时间)(?:为)?[:：]?[ ]?([0-9]{1,3})[ ]?个?(工作日|日|天)"#)
    private static let keyword = Array("公示".utf8)

    /// Reads the window from normalized text; `published` anchors a window given as a length.
    public static func read(_ text: [UInt8], published: SimpleDate?, calendar: WorkdayCalendar) -> PublicityWindow? {
        guard LiteralSearch.contains(keyword, in: text) else { return nil }
        func int(_ r: Range<Int>?) -> Int? { r.flatMap { Int(String(decoding: text[$0], as: UTF8.self)) } }
        if let m = (try? range.firstMatch(in: text, validUTF8: true)) ?? nil, let y = int(m[1]), let month = int(m[5]), let day = int(m[6]) {
            let endYear = int(m[4]) ?? y
            if let end = SimpleDate(year: endYear, month: month, day: day) {
                return PublicityWindow(lastDay: end, basis: "range")
            }
        }
        if let m = (try? length.firstMatch(in: text, validUTF8: true)) ?? nil, let n = int(m[1]), n > 0, let published, let unit = m[2] {
            let workdays = String(decoding: text[unit], as: UTF8.self) == "工作日"
            let last = workdays ? calendar.lastDay(ofWorkdays: n, from: published) : published.adding(days: n - 1)
            return PublicityWindow(lastDay: last, basis: "days_from_publication")
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case lastDay = "last_day"
        case basis
    }
}
