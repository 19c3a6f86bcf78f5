import Foundation

/// A calendar date without time or zone: review dates, birth dates, validity dates.
public struct SimpleDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    /// Nil when the date does not exist (month 13, February 30).
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= SimpleDate.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of a pattern's year, month and day captures; nil when one is missing or the date
    /// does not exist.
    init?(year: String?, month: String?, day: String?) {
        guard let y = year.flatMap({ Int($0) }), let m = month.flatMap({ Int($0) }), let d = day.flatMap({ Int($0) }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` and `YYYY年M月D日`.
    public init?(parsing text: String) {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 3, numbers[0] >= 1000 else { return nil }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    /// Today in the given time zone (Asia/Shanghai for pubgate's default review date).
    public static func today(in zone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!) -> SimpleDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return SimpleDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The same day `years` later (29 February becomes 28 February in a common year).
    func adding(years: Int) -> SimpleDate {
        let y = year + years
        return SimpleDate(year: y, month: month, day: min(day, SimpleDate.days(inMonth: month, year: y)))!
    }

    /// The date `days` later (or earlier, for a negative count).
    func adding(days: Int) -> SimpleDate {
        var (y, m, d) = (year, month, day + days)
        while d > SimpleDate.days(inMonth: m, year: y) {
            d -= SimpleDate.days(inMonth: m, year: y)
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        while d < 1 {
            (y, m) = m == 1 ? (y - 1, 12) : (y, m - 1)
            d += SimpleDate.days(inMonth: m, year: y)
        }
        return SimpleDate(year: y, month: m, day: d)!
    }

    /// ISO weekday: 1 Monday … 7 Sunday (Zeller's congruence on the proleptic Gregorian calendar).
    var weekday: Int {
        var (y, m) = (year, month)
        if m < 3 {
            m += 12
            y -= 1
        }
        let h = (day + (13 * (m + 1)) / 5 + y + y / 4 - y / 100 + y / 400) % 7  // 0 Saturday
        return (h + 5) % 7 + 1
    }

    /// Whole months from `self` to `other` (negative when `other` is earlier), counting a month when
    /// the day of month is reached.
    func months(until other: SimpleDate) -> Int {
        (other.year - year) * 12 + (other.month - month) - (other.day < day ? 1 : 0)
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm.
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Midnight of this date in Asia/Shanghai (UTC+8, no daylight saving), as Unix seconds.
    var shanghaiMidnight: Int64 { Int64(daysSinceEpoch) * 86_400 - 8 * 3_600 }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD` (padded by hand: `String(format:)` was most of encoding a manifest date).
    public var description: String {
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = SimpleDate(parsing: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(s)"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
