extension StringProtocol {
    /// `count <= limit`, counting at most `limit + 1` scalars: lines compared with a title's length
    /// can be whole paragraphs. Scalars, not graphemes: the texts are the normalized copy (NFKC,
    /// composed), where the two agree but for rare combining sequences, and walking graphemes cost
    /// a hundred instructions a character. The byte count settles most cases without a walk.
    func hasCount(atMost limit: Int) -> Bool {
        if utf8.count <= limit { return true }
        var n = 0
        for _ in unicodeScalars {
            n += 1
            if n > limit { return false }
        }
        return true
    }

    /// `count >= minimum`, counting at most `minimum` scalars.
    func hasCount(atLeast minimum: Int) -> Bool {
        if minimum <= 0 { return true }
        if utf8.count < minimum { return false }
        var n = 0
        for _ in unicodeScalars {
            n += 1
            if n >= minimum { return true }
        }
        return false
    }
}
