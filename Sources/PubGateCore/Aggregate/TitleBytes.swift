/// A title key (``TitleKey``) as UTF-8, hashed and compared byte for byte.
///
/// The titles a document cites in 《》 go into a set, dozens per document: hashing them as `String`s
/// normalizes every Chinese character to NFC first, which made building the set as costly as
/// scanning the document. Both sides of a comparison come from the normalizer, so equal titles
/// have equal bytes.
struct TitleBytes: Hashable, Sendable {
    let utf8: [UInt8]

    init(utf8: [UInt8]) {
        self.utf8 = utf8
    }

    /// The key of a title already keyed as a string.
    init(_ key: String) {
        utf8 = Array(key.utf8)
    }

    /// How many characters (scalars) the title has, counting at most to `bound`.
    func hasCount(atLeast bound: Int) -> Bool {
        var n = 0
        for b in utf8 where b & 0xC0 != 0x80 {
            n += 1
            if n >= bound { return true }
        }
        return n >= bound
    }

    /// The bytes eight at a time (an array's own hashing feeds the hasher byte by byte, which made
    /// inserting a cited title cost more than finding it).
    func hash(into hasher: inout Hasher) {
        hasher.combine(utf8.count)
        var word: UInt64 = 0
        for (n, byte) in utf8.enumerated() {
            word = word << 8 | UInt64(byte)
            if n & 7 == 7 {
                hasher.combine(word)
                word = 0
            }
        }
        if utf8.count & 7 != 0 { hasher.combine(word) }
    }

    static func == (a: TitleBytes, b: TitleBytes) -> Bool {
        a.utf8 == b.utf8
    }
}
