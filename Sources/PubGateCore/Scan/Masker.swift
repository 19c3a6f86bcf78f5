import EncodingKit

/// Masks what pubgate found so that no report repeats a leak (the brief's "never repeat the leak").
///
/// Both functions count characters (grapheme clusters). Text whose every scalar is a character of
/// its own — ASCII, CJK ideographs and punctuation, full-width forms, which is nearly every match
/// and its context — takes a path over its UTF-8 bytes; Character iteration cost a few percent of
/// a whole review on documents with thousands of findings.
enum Masker {
    /// Keeps a few characters at each end and replaces the rest with `*`.
    ///
    /// Long values (IDs, cards) keep their first 4 and last 2 characters — enough for a reviewer to
    /// find the spot, never enough to recover the value. Short ones keep one character at each end.
    static func mask(_ text: String) -> String {
        if let masked = maskedValue(Array(text.utf8)) { return masked }
        let chars = Array(text.filter { !$0.isWhitespace || $0 == " " })
        return masked(chars, count: chars.count) { String($0) }
    }

    /// `mask` over the UTF-8 of text whose every scalar is a character by itself; nil for other text.
    /// Two passes over the bytes (count, then copy) and no array of scalars.
    private static func maskedValue(_ bytes: [UInt8]) -> String? {
        var n = 0
        var i = 0
        while i < bytes.count {
            let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
            guard isOwnCharacter(v) else { return nil }
            if !dropped(v) { n += 1 }
            i += length
        }
        if n <= 2 { return String(repeating: "*", count: n) }
        let (head, tail) = kept(n)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + n)
        var k = 0
        i = 0
        while i < bytes.count {
            let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
            if !dropped(v) {
                if k < head || k >= n - tail { out.append(contentsOf: bytes[i..<(i + length)]) } else { out.append(0x2A) }
                k += 1
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// White space goes from a masked value, all but the plain space.
    private static func dropped(_ v: UInt32) -> Bool {
        v != 0x20 && Unicode.Scalar(v).map(\.isWhiteSpace) == true
    }

    /// How many characters of an `n`-character value stay visible at its start and its end.
    private static func kept(_ n: Int) -> (head: Int, tail: Int) {
        n >= 15 ? (4, 2) : n >= 9 ? (3, 2) : n >= 5 ? (1, 1) : (1, 0)
    }

    private static func masked<C: RandomAccessCollection>(_ items: C, count n: Int, _ string: (C.SubSequence) -> String) -> String
    where C.Index == Int {
        if n <= 2 { return String(repeating: "*", count: n) }
        let (head, tail) = kept(n)
        return string(items[0..<head]) + String(repeating: "*", count: n - head - tail) + string(items[(n - tail)...])
    }

    /// A short context around a match with the match masked and every other digit masked too, and
    /// any 密级 word in it (a secret mark beside a mobile number is a finding of its own, and its
    /// excerpt must not repeat it either).
    static func excerpt(before: String, match: String, after: String) -> String {
        maskSecrecyLevels(maskDigits(before)) + "«" + mask(match) + "»" + maskSecrecyLevels(maskDigits(after))
    }

    /// The 密级 words (绝密, 机密, 秘密) replaced by `**`, wherever they stand: what the secret-mark
    /// rules match is repeated by no excerpt, title or element text.
    static func maskSecrecyLevels(_ s: String) -> String {
        guard s.unicodeScalars.contains("密") else { return s }
        var out = s
        for level in ["绝密", "机密", "秘密"] { out = out.replacingOccurrences(of: level, with: "**") }
        return out
    }

    /// Digits (any script's, as `Character.isNumber` says) and ASCII letters become `*`, line
    /// breaks spaces.
    private static func maskDigits(_ s: String) -> String {
        if let masked = maskedDigits(Array(s.utf8)) { return masked }
        return String(s.map { $0.isNumber || ($0.isASCII && $0.isLetter) ? "*" : $0 }.map { $0 == "\n" ? " " : $0 })
    }

    /// `maskDigits` over the UTF-8 of text whose every scalar is a character by itself, byte by
    /// byte (a lazy map over the scalars into a growing array was a fifth of the scan's work on
    /// each finding); nil for other text.
    private static func maskedDigits(_ bytes: [UInt8]) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                switch b {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: out.append(0x2A)
                case 0x0A: out.append(0x20)
                case 0x20...0x7E: out.append(b)
                default: return nil
                }
                i += 1
                continue
            }
            let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
            guard isOwnCharacter(v) else { return nil }
            if isNumeric(Unicode.Scalar(v)!) { out.append(0x2A) } else { out.append(contentsOf: bytes[i..<(i + length)]) }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a scalar has a numeric type (`Character.isNumber` for a one-scalar character): 〇,
    /// 一, 十, 万 … as well as digits. General punctuation, CJK symbols and ideographs and the
    /// full-width forms are looked up in ``numericRanges``: the Unicode property lookup for every
    /// Chinese character and full-width comma of every excerpt was most of the masking, and a
    /// table of those blocks built from the property at start-up was 19 M of the instructions of
    /// `check` on one page.
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard (0x2000..<0xA000).contains(v) || (0xFF00..<0x10000).contains(v) else { return scalar.properties.numericType != nil }
        var low = 0
        var high = numericRanges.count
        while low < high {
            let middle = (low + high) / 2
            if numericRanges[middle].upperBound < v { low = middle + 1 } else { high = middle }
        }
        return low < numericRanges.count && numericRanges[low].contains(v)
    }

    /// The scalars of U+2000–U+9FFF and U+FF00–U+FFFF with a numeric type, in order, as the
    /// runtime's Unicode data gives them (MaskerTests checks every scalar against the property, so
    /// a newer Unicode version that adds one fails the suite instead of masking less).
    private static let numericRanges: [ClosedRange<UInt32>] = [
        0x2070...0x2070, 0x2074...0x2079, 0x2080...0x2089, 0x2150...0x2182, 0x2185...0x2189, 0x2460...0x249B, 0x24EA...0x24FF,
        0x2776...0x2793, 0x2CFD...0x2CFD, 0x3007...0x3007, 0x3021...0x3029, 0x3038...0x303A, 0x3192...0x3195, 0x3220...0x3229,
        0x3248...0x324F, 0x3251...0x325F, 0x3280...0x3289, 0x32B1...0x32BF, 0x3405...0x3405, 0x3483...0x3483, 0x382A...0x382A,
        0x3B4D...0x3B4D, 0x4E00...0x4E00, 0x4E03...0x4E03, 0x4E07...0x4E07, 0x4E09...0x4E09, 0x4E24...0x4E24, 0x4E5D...0x4E5D,
        0x4E8C...0x4E8C, 0x4E94...0x4E94, 0x4E96...0x4E96, 0x4EAC...0x4EAC, 0x4EBF...0x4EC0, 0x4EDF...0x4EDF, 0x4EE8...0x4EE8,
        0x4F0D...0x4F0D, 0x4F70...0x4F70, 0x4FE9...0x4FE9, 0x5006...0x5006, 0x5104...0x5104, 0x5146...0x5146, 0x5169...0x5169,
        0x516B...0x516B, 0x516D...0x516D, 0x5341...0x5341, 0x5343...0x5345, 0x534C...0x534C, 0x53C1...0x53C4, 0x56DB...0x56DB,
        0x58F1...0x58F1, 0x58F9...0x58F9, 0x5E7A...0x5E7A, 0x5EFE...0x5EFF, 0x5F0C...0x5F0E, 0x5F10...0x5F10, 0x62D0...0x62D0,
        0x62FE...0x62FE, 0x634C...0x634C, 0x67D2...0x67D2, 0x6D1E...0x6D1E, 0x6F06...0x6F06, 0x7396...0x7396, 0x767E...0x767E,
        0x7695...0x7695, 0x79ED...0x79ED, 0x8086...0x8086, 0x842C...0x842C, 0x8CAE...0x8CAE, 0x8CB3...0x8CB3, 0x8D30...0x8D30,
        0x920E...0x920E, 0x94A9...0x94A9, 0x9621...0x9621, 0x9646...0x9646, 0x964C...0x964C, 0x9678...0x9678, 0x96F6...0x96F6,
        0xFF10...0xFF19,
    ]

    /// Whether a scalar is sure to be a character by itself: it neither extends, joins nor pairs
    /// with a neighbour (`\r` is left out for CR LF).
    static func isOwnCharacter(_ v: UInt32) -> Bool {
        switch v {
        case 0x0A, 0x20...0x7E: return true
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF: return true  // CJK symbols, kana (not the combining marks)
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true  // ideographs
        case 0x2010...0x2027, 0x2030...0x205E: return true  // general punctuation (no joiners or controls)
        case 0xFF01...0xFF9D, 0xFFE0...0xFFEE: return true  // full-width forms (not the half-width sound marks or jamo)
        default: return false
        }
    }
}
