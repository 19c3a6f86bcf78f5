/// What a validator may know besides the matched text.
struct ValidationContext: Sendable {
    /// The review date (`--as-of`): birth dates after it are not real.
    let asOf: SimpleDate
}

/// Checksum and plausibility validators that rules name in their `validator:` key.
///
/// A validator sees the matched text with spaces, hyphens and other separators removed and says
/// whether it is a real identifier; a false answer drops the match (docs/detectors.md §1.4).
enum Validators {
    typealias Check = @Sendable (String, ValidationContext) -> Bool

    static let all: [String: Check] = [
        "resident_id_18": { s, c in residentID18(digits(s), asOf: c.asOf) },
        // Under an ID label the label says what the number is: a valid check character and birth
        // date make it an ID even when its province is not one of `provinces` (a typo, a code of
        // its own); `resident_id_18` already takes the rest.
        "resident_id_18_unlisted_province": { s, c in
            let d = digits(s)
            return d.count == 18 && !provinces.contains(Int(String(d[0..<2])) ?? 0) && residentID18(d, asOf: c.asOf, anyProvince: true)
        },
        "resident_id_15": { s, c in residentID15(digits(s), asOf: c.asOf) },
        "luhn": { s, _ in luhn(digits(s)) },
        // A valid resident ID that happens to pass Luhn is an ID, not a card (docs/detectors.md §2.2 overlaps).
        "bank_card": { s, c in luhn(digits(s)) && !residentID18(digits(s), asOf: c.asOf) },
        "uscc": { s, _ in uscc(s.uppercased().filter { !$0.isWhitespace }) },
        "mobile": { s, _ in mobile(digits(s)) },
        "date": { s, c in date(s, asOf: c.asOf) },
        "masked_id_weak": { s, c in maskedIDIsWeak(s, asOf: c.asOf) },
        "masked_mobile_weak": { s, _ in maskedMobileIsWeak(s) },
        "masked_id": { s, _ in [15, 18].contains(s.filter { !$0.isWhitespace }.count) },
        // A labelled card or account number the card checksum rejects (docs/detectors.md §2.1: lower, not drop).
        "not_luhn": { s, c in !luhn(digits(s)) && !residentID18(digits(s), asOf: c.asOf) },
        "ipv4_private": { s, _ in privateIPv4(s) },
        // A name is a surname and one or two characters (not 反映 after 举报人, not 证言 after 证人).
        "personal_name": { s, _ in Surnames.isPersonalName(s) },
    ]

    /// Province-level codes of GB/T 2260 plus 81–83 (HK, Macau, Taiwan residence permits) and 9x (foreigners).
    static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
        61, 62, 63, 64, 65, 71, 81, 82, 83, 91, 92, 93, 94, 95, 96, 97, 98,
    ]

    /// Keeps digits and a trailing check character, dropping separators.
    static func digits(_ s: String) -> [Character] {
        s.filter { $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x") }.map { $0 == "x" ? "X" : $0 }
    }

    static func residentID18(_ c: [Character], asOf: SimpleDate, anyProvince: Bool = false) -> Bool {
        guard c.count == 18, c[0..<17].allSatisfy({ $0.isNumber }) else { return false }
        let d = c[0..<17].map { Int(String($0))! }
        guard anyProvince || provinces.contains(d[0] * 10 + d[1]) else { return false }
        let year = d[6] * 1000 + d[7] * 100 + d[8] * 10 + d[9]
        let month = d[10] * 10 + d[11]
        let day = d[12] * 10 + d[13]
        guard year >= 1900, let birth = SimpleDate(year: year, month: month, day: day), birth <= asOf else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(d, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = Array("10X98765432")[sum % 11]
        return c[17] == check
    }

    static func residentID15(_ c: [Character], asOf: SimpleDate) -> Bool {
        guard c.count == 15, c.allSatisfy({ $0.isNumber }) else { return false }
        let d = c.map { Int(String($0))! }
        guard provinces.contains(d[0] * 10 + d[1]) else { return false }
        let year = 1900 + d[6] * 10 + d[7]
        return SimpleDate(year: year, month: d[8] * 10 + d[9], day: d[10] * 10 + d[11]).map { $0 <= asOf } ?? false
    }

    static func luhn(_ c: [Character]) -> Bool {
        guard c.count >= 12, c.allSatisfy({ $0.isNumber }) else { return false }
        var sum = 0
        for (i, ch) in c.reversed().enumerated() {
            var v = Int(String(ch))!
            if i % 2 == 1 {
                v *= 2
                if v > 9 { v -= 9 }
            }
            sum += v
        }
        return sum % 10 == 0
    }

    static func uscc(_ s: String) -> Bool {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let chars = Array(s)
        guard chars.count == 18 else { return false }
        var values: [Int] = []
        for ch in chars {
            guard let v = alphabet.firstIndex(of: ch) else { return false }
            values.append(v)
        }
        var weight = 1
        var sum = 0
        for v in values[0..<17] {
            sum += v * weight
            weight = weight * 3 % 31
        }
        return values[17] == (31 - sum % 31) % 31
    }

    static func mobile(_ c: [Character]) -> Bool {
        var d = c
        if d.count == 13, d.starts(with: ["8", "6"]) { d.removeFirst(2) }
        if d.count == 15, d.starts(with: ["0", "0", "8", "6"]) { d.removeFirst(4) }
        guard d.count == 11, d[0] == "1", let second = Int(String(d[1])), second >= 3 else { return false }
        return d.allSatisfy { $0.isNumber }
    }

    static func date(_ s: String, asOf: SimpleDate) -> Bool {
        SimpleDate(parsing: s) != nil
    }

    /// A masked ID that still leaves too little hidden (docs/detectors.md §2.3).
    /// A masked ID is judged by what it leaves recoverable: how many numbers fit the visible digits,
    /// counting only real birth dates (1900 to the review date) and, when the check character is
    /// visible, the one number in eleven that passes it. A thousand or fewer is a weak mask — region
    /// and birth year and month left visible (110105199003****12: about 280 numbers) is one, the
    /// first-6-last-4 template (210302********1234: about 4,000) is not.
    static func maskedIDIsWeak(_ s: String, asOf: SimpleDate = SimpleDate(year: 2100, month: 12, day: 31)!) -> Bool {
        let c = Array(s.filter { !$0.isWhitespace })
        guard c.count == 18 || c.count == 15 else { return false }
        let isMask: (Character) -> Bool = { $0 == "*" || $0 == "＊" || $0 == "×" }
        guard c.contains(where: isMask) else { return false }
        return maskedIDCandidates(c, isMask: isMask, asOf: asOf) <= 1000
    }

    static func maskedIDCandidates(_ c: [Character], isMask: (Character) -> Bool, asOf: SimpleDate) -> Double {
        let long = c.count == 18
        let pow10 = { (n: Int) in (0..<n).reduce(1.0) { r, _ in r * 10 } }
        let region = c[0..<6].filter(isMask).count
        let sequence = c[(long ? 14 : 12)..<(long ? 17 : 15)].filter(isMask).count
        // Visible birth digits (nil where masked, -1 for a character no digit fits): each date of
        // the century range is checked against them digit by digit. (Formatting each candidate as
        // a string cost 50 ms per fully masked birth date: minutes in a batch of masked lists.)
        let birth: [Int?] = c[6..<(long ? 14 : 12)].map { isMask($0) ? nil : ($0.isASCII ? $0.wholeNumberValue ?? -1 : -1) }
        func fits(_ value: Int, width: Int, at offset: Int) -> Bool {
            var v = value
            for i in stride(from: offset + width - 1, through: offset, by: -1) {
                if let b = birth[i], b != v % 10 { return false }
                v /= 10
            }
            return true
        }
        // Months and days that fit are the same every year; a month contributes its fitting days
        // up to its length, and up to the review date in the review month. (Trying each of the
        // 47,000 dates of a fully masked birth date was four tenths of the scan.)
        var dates = 0.0
        let years = long ? Array(1900...asOf.year) : Array(1900...1999)
        let width = long ? 4 : 2
        let months = (1...12).filter { fits($0, width: 2, at: width) }
        // By last day (0…31), how many fitting days a month ending on it has.
        var fittingUpTo = [0]
        for day in 1...31 { fittingUpTo.append(fittingUpTo[day - 1] + (fits(day, width: 2, at: width + 2) ? 1 : 0)) }
        for year in years where fits(long ? year : year % 100, width: width, at: 0) {
            for month in months {
                guard (year, month) <= (asOf.year, asOf.month) else { continue }
                var last = SimpleDate.days(inMonth: month, year: year)
                if (year, month) == (asOf.year, asOf.month) { last = min(last, asOf.day) }
                dates += Double(fittingUpTo[last])
            }
        }
        var count = pow10(region) * dates * pow10(sequence)
        if long, !isMask(c[17]) { count /= 11 }
        return count
    }

    /// An 11-character mobile with one to three digits masked (`1394146**78`): the rest are found by
    /// trying at most a thousand numbers (docs/detectors.md §2.3).
    static func maskedMobileIsWeak(_ s: String) -> Bool {
        let c = Array(s.filter { !$0.isWhitespace })
        guard c.count == 11 else { return false }
        let masked = c.filter { $0 == "*" || $0 == "＊" || $0 == "×" }.count
        return (1...3).contains(masked)
    }

    static func privateIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4, parts.allSatisfy({ (0...255).contains($0) }) else { return false }
        return parts[0] == 10 || (parts[0] == 172 && (16...31).contains(parts[1])) || (parts[0] == 192 && parts[1] == 168)
    }
}
