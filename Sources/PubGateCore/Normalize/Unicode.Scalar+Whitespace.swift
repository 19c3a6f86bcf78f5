import EncodingKit

extension Unicode.Scalar {
    /// Unicode's White_Space property, from its fixed list of 25 scalars: the same answer as
    /// `properties.isWhitespace`, whose table lookup was a few percent of a review in the loops over
    /// every scalar of a document (titles, metadata, extracted text).
    var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

extension Unicode.Scalar {
    /// Whether every character of `utf8` is White_Space (true for no characters): ASCII is read
    /// byte by byte, anything else decoded.
    static func allWhiteSpace(_ utf8: Span<UInt8>) -> Bool {
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x80 {
                guard (0x09...0x0D).contains(b) || b == 0x20 else { return false }
                i += 1
                continue
            }
            let (value, length) = UTF8Bytes.scalar(at: i, in: utf8)
            guard Unicode.Scalar(value)?.isWhiteSpace == true else { return false }
            i += length
        }
        return true
    }
}

extension String {
    /// Without leading and trailing White_Space and zero-width spaces: what `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` gives (Foundation's set is White_Space plus U+200B), without going
    /// through its character sets.
    var trimmingWhiteSpace: String {
        let scalars = unicodeScalars
        let trimmed = { (s: Unicode.Scalar) in s.isWhiteSpace || s == "\u{200B}" }
        guard let first = scalars.firstIndex(where: { !trimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trimmed($0) })!
        return String(scalars[first...last])
    }
}
