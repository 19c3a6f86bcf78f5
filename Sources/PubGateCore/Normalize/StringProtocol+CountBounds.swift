extension StringProtocol {
    /// `count <= limit`, counting at most `limit + 1` characters: lines compared with a title's
    /// length can be whole paragraphs, and counting one is a walk over every grapheme in it.
    func hasCount(atMost limit: Int) -> Bool {
        dropFirst(limit).isEmpty
    }

    /// `count >= minimum`, counting at most `minimum` characters.
    func hasCount(atLeast minimum: Int) -> Bool {
        minimum <= 0 || !dropFirst(minimum - 1).isEmpty
    }
}
