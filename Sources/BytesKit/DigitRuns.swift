/// Maximal runs of ASCII digits (and, for masked numbers, `*`) in UTF-8 text, found without
/// looking at every byte. Digit runs are rare in Chinese text: eight bytes at a time are tested
/// for any digit at once (SWAR), and a run of at least `minLength` that starts at or after `i`
/// must cover byte `i + minLength - 1`, so where that byte is not one the search jumps ahead.
/// A regex asked for the same thing tries every position of the text.
///
/// Safety: every load and index stays below `text.count` (the loop's bounds), on a buffer the
/// array lends for the call.
public enum DigitRuns {
    /// Calls `body` with each maximal run of digits (and stars when `stars`) at least `minLength` long.
    @inlinable
    public static func forEach(in text: [UInt8], minLength: Int, stars: Bool = false, _ body: (Range<Int>) -> Void) {
        precondition(minLength > 0)
        @inline(__always) func member(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (stars && b == 0x2A) }
        unsafe text.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            let raw = unsafe UnsafeRawPointer(base)
            let n = text.count
            // Every run ending before `i` has been reported (or was too short).
            var i = 0
            while i + minLength <= n {
                let probe = i + minLength - 1
                // A run of `minLength` starting at or after `i` must hold `probe`: when it is not a
                // member, skip past it. For runs longer than a word that one byte skips more than
                // the eight a word's test would; for short ones the word's test comes first.
                if minLength > 8, unsafe !member(text[probe]) {
                    i = probe + 1
                    continue
                }
                if i + 8 <= n, unsafe !mayHoldMember(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), stars: stars) {
                    i += 8
                    continue
                }
                guard unsafe member(text[probe]) else {
                    i = probe + 1
                    continue
                }
                var start = probe
                while start > i, unsafe member(text[start - 1]) { start -= 1 }
                var end = probe + 1
                while end < n, unsafe member(text[end]) { end += 1 }
                if end - start >= minLength { body(start..<end) }
                i = end
            }
        }
    }

    /// Whether any of the eight bytes of `word` is an ASCII digit (or `*`): a byte is a digit
    /// when it XORs with 0x30 to less than 10; bytes of 0x80 and above never count.
    @inlinable @inline(__always)
    static func mayHoldMember(_ word: UInt64, stars: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let digits = word ^ (0x30 &* ones)
        if (digits &- 10 &* ones) & ~digits & highs != 0 { return true }
        guard stars else { return false }
        let star = word ^ (0x2A &* ones)
        return (star &- ones) & ~star & highs != 0
    }
}
