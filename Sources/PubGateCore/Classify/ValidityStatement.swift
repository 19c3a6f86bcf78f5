import PCRE2Kit

/// What a document says about when it takes effect and how long it stays valid (domain-spec §7.1).
///
/// Read from the normalized body: `自2025年8月1日起施行`, `自印发之日起施行`, `有效期5年`,
/// `有效期至2027年12月31日`, and 暂行/试行 in the title. The normative checks require it, and the
/// expiry sweep computes a page's end of validity from it.
public struct ValidityStatement: Sendable, Codable, Hashable {
    /// The stated effective date, if a date is given.
    public var effectiveDate: SimpleDate?
    /// True for `自印发之日起施行` (effective from the 成文日期).
    public var effectiveOnIssue = false
    /// `有效期N年`.
    public var years: Int?
    /// `有效期至…`.
    public var validUntil: SimpleDate?
    /// 暂行 / 试行 in the title: a shorter default period applies.
    public var isTrial = false

    public init() {}

    /// Reads the statement from normalized text (ASCII digits).
    public init(text: String, title: String?) {
        self.init(normalized: Array(text.utf8), title: title)
    }

    public init(normalized text: [UInt8], title: String?) {
        func numbers(_ regex: Regex, _ groups: [Int]) -> [Int]? {
            guard let m = (try? regex.firstMatch(in: text, validUTF8: true)) ?? nil else { return nil }
            let values = groups.compactMap { g in m[g].flatMap { Int(String(decoding: text[$0], as: UTF8.self)) } }
            return values.count == groups.count ? values : nil
        }
        if LiteralSearch.contains(Self.fromWord, in: text) || LiteralSearch.contains(Self.startWord, in: text) {
            if let d = numbers(Self.effective, [1, 2, 3]) {
                effectiveDate = SimpleDate(year: d[0], month: d[1], day: d[2])
            } else if ((try? Self.onIssue.firstMatch(in: text, validUTF8: true)) ?? nil) != nil {
                effectiveOnIssue = true
            }
        }
        if LiteralSearch.contains(Self.periodWord, in: text) {
            if let m = (try? Self.period.firstMatch(in: text, validUTF8: true)) ?? nil, let r = m[1] {
                let n = String(decoding: text[r], as: UTF8.self)
                years = Int(n) ?? Self.chineseNumber(n)
            }
            if let d = numbers(Self.until, [1, 2, 3]) { validUntil = SimpleDate(year: d[0], month: d[1], day: d[2]) }
        }
        isTrial = title.map { $0.contains("暂行") || $0.contains("试行") } ?? false
    }

    private static let fromWord = Array("起".utf8)
    private static let startWord = Array("之日".utf8)
    private static let periodWord = Array("有效期".utf8)
    private static let effective = try! Regex(#"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日起(?:施行|执行|实施|试行)"#)
    private static let onIssue = try! Regex(#"自(?:印发|发布|公布)之日起(?:施行|执行|实施|试行)"#)
    private static let period = try! Regex(#"有效期(?:为|是)?[ ]?([一二三四五六七八九十0-9]{1,3})[ ]?年"#)
    private static let until = try! Regex(#"有效期(?:至|到|截至)[ ]?([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"#)

    /// True when the document states an effective date (or effect on issue).
    public var statesEffectiveDate: Bool { effectiveDate != nil || effectiveOnIssue }

    /// True when the document states a period or an end date.
    public var statesPeriod: Bool { years != nil || validUntil != nil }

    /// 一 … 十, 十一 … 九十九.
    static func chineseNumber(_ s: String) -> Int? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        if s == "十" { return 10 }
        if let i = s.firstIndex(of: "十") {
            let tens = s[..<i].isEmpty ? 1 : digits[s[s.startIndex]] ?? 0
            let ones = s[s.index(after: i)...].first.flatMap { digits[$0] } ?? 0
            return tens * 10 + ones
        }
        return s.count == 1 ? digits[s.first!] : nil
    }

    enum CodingKeys: String, CodingKey {
        case effectiveDate = "effective_date"
        case effectiveOnIssue = "effective_on_issue"
        case years
        case validUntil = "valid_until"
        case isTrial = "trial"
    }
}
