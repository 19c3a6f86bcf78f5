import Foundation

/// A number as a spreadsheet stores it (`210404199302183672`, `1.10105199003071E+17`), turned
/// back into the digits a person typed, so the detectors see an ID or a mobile typed as a number.
///
/// A spreadsheet stores numbers as doubles (Excel shows and keeps 15 significant digits): an
/// 18-digit resident ID typed as a number comes back with its last digits turned to zeros. The
/// digits that remain (region, birth date, sequence) still identify the person, so
/// ``losesIdentityDigits`` lets the extractor say so.
struct StoredNumber {
    /// Digits of an integral value, or the stored text of any other number.
    let text: String
    let isInteger: Bool
    /// Digits from the first to the last non-zero one.
    let significantDigits: Int

    init?(_ raw: String) {
        let s = raw.trimmingCharacters(in: .whitespaces)
        var mantissa = ""
        var fraction = 0
        var exponent = 0
        var seenDot = false
        var index = s.startIndex
        if index < s.endIndex, s[index] == "-" || s[index] == "+" { index = s.index(after: index) }
        let negative = s.hasPrefix("-")
        while index < s.endIndex, s[index].isASCII, s[index].isNumber || s[index] == "." {
            if s[index] == "." {
                guard !seenDot else { return nil }
                seenDot = true
            } else {
                mantissa.append(s[index])
                if seenDot { fraction += 1 }
            }
            index = s.index(after: index)
        }
        guard !mantissa.isEmpty else { return nil }
        if index < s.endIndex {
            guard s[index] == "e" || s[index] == "E", let e = Int(s[s.index(after: index)...]) else { return nil }
            exponent = e
        }
        let digits = mantissa.drop { $0 == "0" }
        significantDigits = digits.reversed().drop { $0 == "0" }.count
        let shift = exponent - fraction
        guard shift > -40, shift < 40 else { return nil }
        if shift >= 0 {
            let whole = String(digits) + String(repeating: "0", count: digits.isEmpty ? 0 : shift)
            text = (negative ? "-" : "") + (whole.isEmpty ? "0" : whole)
            isInteger = true
        } else if digits.suffix(-shift).allSatisfy({ $0 == "0" }) {
            let whole = String(digits.dropLast(-shift))
            text = (negative ? "-" : "") + (whole.isEmpty ? "0" : whole)
            isInteger = true
        } else {
            text = s
            isInteger = false
        }
    }

    /// An integer of 16–18 digits that starts like a resident ID (region code, birth date) and
    /// ends in zeros the double it was stored as put there: an identity number whose last digits
    /// were lost.
    var losesIdentityDigits: Bool {
        guard isInteger, (16...18).contains(text.count), significantDigits < text.count, significantDigits <= 17 else { return false }
        let d = Array(text.utf8).map { Int($0) - 48 }
        guard d[0] != 0 else { return false }
        let year = d[6] * 1000 + d[7] * 100 + d[8] * 10 + d[9]
        let month = d[10] * 10 + d[11]
        let day = d[12] * 10 + d[13]
        return (1900...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }
}
