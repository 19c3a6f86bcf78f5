/// A fixed set of short ASCII names (element and attribute names, which libxml2's HTML parser
/// gives in lower case) that answers `contains` without hashing a `String`: a name of up to 15
/// ASCII bytes is packed into two words with its length, and the words are searched in a sorted
/// array. `Set<String>` hashed every element's and attribute's name (SipHash), 8 M instructions on
/// the bench tenth's HTML. Any other name is looked up in the `Set` (the same answer, by
/// `String`'s equality).
struct ASCIINameSet: Sendable {
    let names: Set<String>
    private let keys: [Key]

    /// Two words: bytes 0–7, then bytes 8–14 and the length in the low byte.
    private struct Key: Comparable, Sendable {
        var high: UInt64
        var low: UInt64
        static func < (a: Key, b: Key) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
    }

    init(_ names: Set<String>) {
        self.names = names
        keys = names.compactMap(Self.key).sorted()
    }

    func contains(_ name: String) -> Bool {
        guard let key = Self.key(name) else { return names.contains(name) }
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key
    }

    /// The packed name; nil for a name longer than 15 bytes or holding anything but ASCII.
    private static func key(_ name: String) -> Key? {
        var key = Key(high: 0, low: 0)
        var n = 0
        for b in name.utf8 {
            guard n < 15, b < 0x80 else { return nil }
            if n < 8 {
                key.high |= UInt64(b) << (56 - 8 * n)
            } else {
                key.low |= UInt64(b) << (56 - 8 * (n - 8))
            }
            n += 1
        }
        key.low |= UInt64(n)
        return key
    }
}
