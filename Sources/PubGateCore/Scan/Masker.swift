/// Masks what pubgate found so that no report repeats a leak (the brief's "never repeat the leak").
public enum Masker {
    /// Keeps a few characters at each end and replaces the rest with `*`.
    ///
    /// Long values (IDs, cards) keep their first 4 and last 2 characters — enough for a reviewer to
    /// find the spot, never enough to recover the value. Short ones keep one character at each end.
    public static func mask(_ text: String) -> String {
        let chars = Array(text.filter { !$0.isWhitespace || $0 == " " })
        let n = chars.count
        if n <= 2 { return String(repeating: "*", count: n) }
        let (head, tail): (Int, Int) = n >= 15 ? (4, 2) : n >= 9 ? (3, 2) : n >= 5 ? (1, 1) : (1, 0)
        return String(chars[0..<head]) + String(repeating: "*", count: n - head - tail) + String(chars[(n - tail)...])
    }

    /// A short context around a match with the match masked and every other digit masked too.
    public static func excerpt(before: String, match: String, after: String) -> String {
        let maskDigits = { (s: String) in
            String(s.map { $0.isNumber || ($0.isASCII && $0.isLetter) ? "*" : $0 }
                .map { $0 == "\n" ? " " : $0 })
        }
        return maskDigits(before) + "«" + mask(match) + "»" + maskDigits(after)
    }
}
