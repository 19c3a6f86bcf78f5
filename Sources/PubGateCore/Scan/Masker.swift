import EncodingKit

/// Masks what pubgate found so that no report repeats a leak (the brief's "never repeat the leak").
///
/// Both functions count characters (grapheme clusters). Text whose every scalar is a character of
/// its own — ASCII, CJK ideographs and punctuation, full-width forms, which is nearly every match
/// and its context — takes a path over scalars; Character iteration cost a few percent of a whole
/// review on documents with thousands of findings.
public enum Masker {
    /// Keeps a few characters at each end and replaces the rest with `*`.
    ///
    /// Long values (IDs, cards) keep their first 4 and last 2 characters — enough for a reviewer to
    /// find the spot, never enough to recover the value. Short ones keep one character at each end.
    public static func mask(_ text: String) -> String {
        if isOneScalarPerCharacter(text) {
            // Into an array directly: `filter` on the scalar view builds another view scalar by scalar.
            var kept: [Unicode.Scalar] = []
            kept.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars where !scalar.isWhiteSpace || scalar == " " { kept.append(scalar) }
            return masked(kept, count: kept.count) { UTF8Bytes.string($0) }
        }
        let chars = Array(text.filter { !$0.isWhitespace || $0 == " " })
        return masked(chars, count: chars.count) { String($0) }
    }

    private static func masked<C: RandomAccessCollection>(_ items: C, count n: Int, _ string: (C.SubSequence) -> String) -> String
    where C.Index == Int {
        if n <= 2 { return String(repeating: "*", count: n) }
        let (head, tail): (Int, Int) = n >= 15 ? (4, 2) : n >= 9 ? (3, 2) : n >= 5 ? (1, 1) : (1, 0)
        return string(items[0..<head]) + String(repeating: "*", count: n - head - tail) + string(items[(n - tail)...])
    }

    /// A short context around a match with the match masked and every other digit masked too.
    public static func excerpt(before: String, match: String, after: String) -> String {
        maskDigits(before) + "«" + mask(match) + "»" + maskDigits(after)
    }

    /// Digits (any script's, as `Character.isNumber` says) and ASCII letters become `*`, line
    /// breaks spaces.
    private static func maskDigits(_ s: String) -> String {
        if isOneScalarPerCharacter(s) {
            return UTF8Bytes.string(s.unicodeScalars.lazy.map { scalar -> Unicode.Scalar in
                guard scalar.isASCII else { return isNumeric(scalar) ? "*" : scalar }
                let v = UInt8(scalar.value)
                let letterOrDigit = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                return letterOrDigit ? "*" : v == 0x0A ? " " : scalar
            })
        }
        return String(s.map { $0.isNumber || ($0.isASCII && $0.isLetter) ? "*" : $0 }.map { $0 == "\n" ? " " : $0 })
    }

    /// Whether a scalar has a numeric type (`Character.isNumber` for a one-scalar character): 〇,
    /// 一, 十, 万 … as well as digits. CJK symbols and ideographs are looked up in a table built on
    /// first use: the Unicode property lookup for every Chinese character of every excerpt was
    /// most of the masking.
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard cjkTableRange.contains(v) else { return scalar.properties.numericType != nil }
        let i = v - cjkTableRange.lowerBound
        return numericCJK[Int(i >> 6)] & (1 << (i & 63)) != 0
    }

    private static let cjkTableRange: Range<UInt32> = 0x3000..<0xA000

    private static let numericCJK: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: cjkTableRange.count / 64)
        for v in cjkTableRange {
            let i = v - cjkTableRange.lowerBound
            if let scalar = Unicode.Scalar(v), scalar.properties.numericType != nil { bits[Int(i >> 6)] |= 1 << (i & 63) }
        }
        return bits
    }()

    /// Whether every scalar of `s` is sure to be a character by itself: none extends, joins or
    /// pairs with a neighbour (`\r` is left out for CR LF).
    static func isOneScalarPerCharacter(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x0A, 0x20...0x7E: return true
            case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF: return true  // CJK symbols, kana (not the combining marks)
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true  // ideographs
            case 0x2010...0x2027, 0x2030...0x205E: return true  // general punctuation (no joiners or controls)
            case 0xFF01...0xFF9D, 0xFFE0...0xFFEE: return true  // full-width forms (not the half-width sound marks or jamo)
            default: return false
            }
        }
    }
}
