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

    public init(text: String, title: String?) {
        if let c = text.captures(#"(?:自|从)?\s?([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日起(?:施行|执行|实施|试行)"#),
            let y = c[1].flatMap({ Int($0) }), let m = c[2].flatMap({ Int($0) }), let d = c[3].flatMap({ Int($0) })
        {
            effectiveDate = SimpleDate(year: y, month: m, day: d)
        } else if text.firstMatch(#"自(?:印发|发布|公布)之日起(?:施行|执行|实施|试行)"#) != nil {
            effectiveOnIssue = true
        }
        if let n = text.firstMatch(#"有效期(?:为|是)?\s?([一二三四五六七八九十0-9]{1,3})\s?年"#) {
            years = Int(n) ?? Self.chineseNumber(n)
        }
        if let c = text.captures(#"有效期(?:至|到|截至)\s?([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"#),
            let y = c[1].flatMap({ Int($0) }), let m = c[2].flatMap({ Int($0) }), let d = c[3].flatMap({ Int($0) })
        {
            validUntil = SimpleDate(year: y, month: m, day: d)
        }
        isTrial = title.map { $0.contains("暂行") || $0.contains("试行") } ?? false
    }

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
