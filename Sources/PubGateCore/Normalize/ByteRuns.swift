/// Maximal runs of bytes of one class (digits, digits and stars), found without looking at every
/// byte: a run of at least `minLength` that starts at or after `i` covers byte `i + minLength - 1`,
/// so where that byte is not in the class the search jumps `minLength` bytes. Digit runs are rare
/// in Chinese text, so this reads a fraction of it where a regex would try every position.
enum ByteRuns {
    @inline(__always)
    static func forEach(
        in text: [UInt8], minLength: Int, member: (UInt8) -> Bool, _ body: (Range<Int>) -> Void
    ) {
        precondition(minLength > 0)
        text.withUnsafeBufferPointer { text in
            let n = text.count
            // Every run ending before `i` has been reported (or was too short).
            var i = 0
            while i + minLength <= n {
                let probe = i + minLength - 1
                guard member(text[probe]) else {
                    i = probe + 1
                    continue
                }
                var start = probe
                while start > i, member(text[start - 1]) { start -= 1 }
                var end = probe + 1
                while end < n, member(text[end]) { end += 1 }
                if end - start >= minLength { body(start..<end) }
                i = end
            }
        }
    }
}
