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
