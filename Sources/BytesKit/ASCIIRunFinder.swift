/// The maximal runs of ASCII bytes in a text, found eight bytes at a time: a word whose bytes all
/// have the high bit set is skipped whole (most of a Chinese text), and so is a word of ASCII
/// inside a run.
///
/// Safety: every unaligned load reads eight bytes at an offset at most `count - 8`, and every
/// index is below `count`, of a buffer the array lends for the call.
public enum ASCIIRunFinder {
    /// Calls `body` with each maximal run of ASCII bytes at least `minLength` long, in order.
    @inlinable
    public static func forEach(in text: [UInt8], minLength: Int, _ body: (Range<Int>) -> Void) {
        unsafe text.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            let n = text.count
            let raw = unsafe UnsafeRawPointer(base)
            let high: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i < n {
                while i + 8 <= n, unsafe raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & high == high { i += 8 }
                while i < n, unsafe text[i] >= 0x80 { i += 1 }
                let start = i
                while i + 8 <= n, unsafe raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & high == 0 { i += 8 }
                while i < n, unsafe text[i] < 0x80 { i += 1 }
                if i - start >= minLength { body(start..<i) }
            }
        }
    }
}
