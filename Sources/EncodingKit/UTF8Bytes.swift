#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// UTF-8 encoding of scalar arrays, without going through `String.UnicodeScalarView.append`,
/// which appends scalar by scalar and was 6 % of a review's time on HTML pages here. Inlinable so
/// callers in other modules get it specialized (unspecialized, every scalar went through protocol
/// witnesses: another 3 %).
public enum UTF8Bytes {
    /// The UTF-8 bytes of `scalars`.
    @inlinable
    /// `capacity`: the expected byte count when the caller knows it better than three bytes a scalar
    /// (a lazy filter's count would be a whole extra pass).
    public static func encode<C: Collection>(_ scalars: C, capacity: Int? = nil) -> [UInt8] where C.Element == Unicode.Scalar {
        var out: [UInt8] = []
        out.reserveCapacity(capacity ?? scalars.underestimatedCount * 3)
        for s in scalars {
            let v = s.value
            switch v {
            case 0..<0x80:
                out.append(UInt8(v))
            case 0x80..<0x800:
                out.append(0xC0 | UInt8(v >> 6))
                out.append(0x80 | UInt8(v & 0x3F))
            case 0x800..<0x10000:
                out.append(0xE0 | UInt8(v >> 12))
                out.append(0x80 | UInt8((v >> 6) & 0x3F))
                out.append(0x80 | UInt8(v & 0x3F))
            default:
                out.append(0xF0 | UInt8(v >> 18))
                out.append(0x80 | UInt8((v >> 12) & 0x3F))
                out.append(0x80 | UInt8((v >> 6) & 0x3F))
                out.append(0x80 | UInt8(v & 0x3F))
            }
        }
        return out
    }

    /// The scalars of `string`, decoded from its UTF-8 in one pass (`Array(string.unicodeScalars)`
    /// counts them first, then copies through the generic sequence path).
    @inlinable
    public static func scalars(of string: String) -> [Unicode.Scalar] {
        var string = string
        return string.withUTF8 { unsafe scalars(ofUTF8: $0) }
    }

    /// The scalars of `utf8` (``scalars(ofUTF8:)-unsafe``), for callers outside the Kits.
    public static func scalars(ofUTF8 utf8: Span<UInt8>) -> [Unicode.Scalar] {
        unsafe utf8.withUnsafeBufferPointer { unsafe scalars(ofUTF8: $0) }
    }

    /// The scalars of `utf8`, text known to be UTF-8 (a `String`'s bytes, or what libxml2 hands
    /// back from UTF-8 input), so no `String` has to be made and validated first. A sequence cut
    /// short at the end becomes U+FFFD instead of a read past the buffer.
    @inlinable
    public static func scalars(ofUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        unsafe [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { buffer, count in
            count = 0
            var i = 0
            while i < utf8.count {
                let b0 = unsafe utf8[i]
                // ASCII and three-byte scalars (CJK) take one step each.
                if b0 < 0x80 {
                    unsafe buffer.initializeElement(at: count, to: Unicode.Scalar(b0))
                    count += 1
                    i += 1
                    continue
                }
                if b0 & 0xF0 == 0xE0, i + 2 < utf8.count {
                    let value = unsafe UInt32(b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    unsafe buffer.initializeElement(at: count, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    count += 1
                    i += 3
                    continue
                }
                // Two bytes (C0–DF) or four (F0–F4), or a sequence cut short.
                let (value, length) = unsafe scalar(at: i, in: utf8)
                unsafe buffer.initializeElement(at: count, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                count += 1
                i += length
            }
        }
    }

    /// The value of the scalar whose UTF-8 starts at `i` of `bytes`, and its length in bytes. For
    /// text known to be UTF-8: a sequence cut short at the end is U+FFFD for the bytes left, other
    /// malformed bytes decode to some value, never a read past the end.
    @inlinable
    public static func scalar<C: RandomAccessCollection>(at i: Int, in bytes: C) -> (value: UInt32, length: Int)
    where C.Element == UInt8, C.Index == Int {
        scalar(at: i, end: bytes.endIndex) { bytes[$0] }
    }

    /// The same for a span of bytes.
    public static func scalar(at i: Int, in bytes: Span<UInt8>) -> (value: UInt32, length: Int) {
        scalar(at: i, end: bytes.count) { bytes[$0] }
    }

    /// The decoding both read through: `byte(k)` is the byte at `k`, `end` where the bytes end.
    @inlinable
    static func scalar(at i: Int, end: Int, _ byte: (Int) -> UInt8) -> (value: UInt32, length: Int) {
        let b = UInt32(byte(i))
        if b < 0x80 { return (b, 1) }
        let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        guard i + length <= end else { return (0xFFFD, end - i) }
        var value = b & (0xFF >> (length + 1))
        for k in (i + 1)..<(i + length) { value = value << 6 | UInt32(byte(k) & 0x3F) }
        return (value, length)
    }

    /// A copy of `bytes` as an array, in one move.
    public static func array(_ bytes: Span<UInt8>) -> [UInt8] {
        unsafe bytes.withUnsafeBufferPointer { unsafe Array($0) }
    }

    /// `scalars` as a string.
    @inlinable
    public static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(decoding: encode(scalars), as: UTF8.self)
    }

    /// Calls `body` with where each line after the first starts: after a line feed, and after a
    /// carriage return that no line feed follows. Line feeds are found with memchr; a text without
    /// carriage returns (nearly every file) is read no further.
    public static func forEachLineStart(in utf8: [UInt8], _ body: (Int) -> Void) {
        unsafe utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let n = buffer.count
            if unsafe memchr(base, 0x0D, n) == nil {
                var from = 0
                while from < n, let hit = unsafe memchr(base + from, 0x0A, n - from) {
                    let i = unsafe UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    body(i + 1)
                    from = i + 1
                }
                return
            }
            for i in 0..<n {
                let b = unsafe buffer[i]
                if b == 0x0A || (b == 0x0D && (i + 1 == n || (unsafe buffer[i + 1]) != 0x0A)) { body(i + 1) }
            }
        }
    }

    /// Whether a byte of `word` is zero (exact as a whole; which byte is not told).
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// Whether a byte of `word` is `byte`.
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        hasZeroByte(word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// Where the run of ASCII bytes other than space, tab and carriage return that starts at
    /// `start` ends (before `end`): the bytes the normalizer copies as they are. Eight at a time.
    public static func plainASCIIEnd(in bytes: Span<UInt8>, from start: Int, to end: Int) -> Int {
        firstStop(in: bytes, from: start, to: end) { word in
            word & 0x8080_8080_8080_8080 != 0 || hasByte(word, 0x20) || hasByte(word, 0x09) || hasByte(word, 0x0D)
        } byte: { b in
            b >= 0x80 || b == 0x20 || b == 0x09 || b == 0x0D
        }
    }

    /// How many bytes from `i` of `a` and `j` of `b` are the same, none of them `&` or `\r` (where
    /// the aligner has to look closer). The equal run is found eight bytes at a time (the first
    /// differing byte of a word read from the XOR's low zero bits), then memchr looks for the two
    /// bytes inside it: no per-byte test over the text.
    public static func commonRun(_ a: Span<UInt8>, _ i: Int, _ b: Span<UInt8>, _ j: Int) -> Int {
        unsafe a.withUnsafeBufferPointer { x in
            unsafe b.withUnsafeBufferPointer { y in
                guard let xBase = x.baseAddress, let yBase = y.baseAddress else { return 0 }
                let most = min(x.count - i, y.count - j)
                guard most > 0 else { return 0 }
                let xRaw = unsafe UnsafeRawPointer(xBase) + i
                let yRaw = unsafe UnsafeRawPointer(yBase) + j
                var n = 0
                while n + 8 <= most {
                    let word = unsafe xRaw.loadUnaligned(fromByteOffset: n, as: UInt64.self)
                    let other = unsafe yRaw.loadUnaligned(fromByteOffset: n, as: UInt64.self)
                    if word != other {
                        // Little-endian: the lowest differing bit is in the first differing byte.
                        n += (UInt64(littleEndian: word) ^ UInt64(littleEndian: other)).trailingZeroBitCount / 8
                        return unsafe beforeStop(xRaw, n)
                    }
                    n += 8
                }
                while n < most, unsafe xRaw.load(fromByteOffset: n, as: UInt8.self) == yRaw.load(fromByteOffset: n, as: UInt8.self) {
                    n += 1
                }
                return unsafe beforeStop(xRaw, n)
            }
        }
    }

    /// How many of the `n` bytes at `base` come before the first `&` or `\r`.
    private static func beforeStop(_ base: UnsafeRawPointer, _ n: Int) -> Int {
        guard n > 0 else { return 0 }
        var end = n
        if let hit = unsafe memchr(base, 0x26, end) { end = unsafe UnsafeRawPointer(hit) - base }
        if end > 0, let hit = unsafe memchr(base, 0x0D, end) { end = unsafe UnsafeRawPointer(hit) - base }
        return end
    }

    /// The first index from `start` whose byte, with bit 0x20 set (ASCII letters folded to lower
    /// case), is one of `targets`; `bytes.count` when none is. Eight bytes at a time.
    public static func firstFolded(_ targets: (UInt8, UInt8, UInt8), in bytes: Span<UInt8>, from start: Int) -> Int {
        firstStop(in: bytes, from: start, to: bytes.count) { word in
            let folded = word | 0x2020_2020_2020_2020
            return hasByte(folded, targets.0) || hasByte(folded, targets.1) || hasByte(folded, targets.2)
        } byte: { b in
            let folded = b | 0x20
            return folded == targets.0 || folded == targets.1 || folded == targets.2
        }
    }

    /// The first line feed or carriage return at or after `start` (before `end`); `end` when none.
    /// memchr for each (a segment's text is mostly one long line: a word loop cost 4 instructions a byte).
    public static func firstLineBreak(in bytes: Span<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end else { return end }
        return unsafe bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return end }
            let from = unsafe UnsafeRawPointer(base) + start
            var stop = end - start
            if let hit = unsafe memchr(from, 0x0A, stop) { stop = unsafe UnsafeRawPointer(hit) - from }
            if stop > 0, let hit = unsafe memchr(from, 0x0D, stop) { stop = unsafe UnsafeRawPointer(hit) - from }
            return start + stop
        }
    }

    /// The search the two above share: words of eight bytes are skipped while `word` says none
    /// of their bytes stops the run, then bytes one by one until `byte` says one does; `end` when
    /// none does (and `start` for an empty span).
    @inline(__always)
    static func firstStop(
        in bytes: Span<UInt8>, from start: Int, to end: Int, word stopsIn: (UInt64) -> Bool, byte stops: (UInt8) -> Bool
    ) -> Int {
        unsafe bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return start }
            let raw = unsafe UnsafeRawPointer(base)
            var i = start
            while i + 8 <= end {
                if stopsIn(unsafe raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { break }
                i += 8
            }
            while i < end {
                if stops(unsafe buffer[i]) { return i }
                i += 1
            }
            return end
        }
    }

    /// Where the run of three-byte characters from `start` (before `end`) that are CJK ideographs
    /// (U+4E00–U+9FFF) or CJK punctuation and kana (U+3001–U+31FF) ends — the characters the
    /// normalizer keeps as they are — whether one of them is set in `marks` (a bit per BMP
    /// character, U+3400 up), and the last one. For valid UTF-8.
    public static func cjkRunEnd(
        in bytes: Span<UInt8>, from start: Int, to end: Int, marks: Span<UInt64>
    ) -> (end: Int, marked: Bool, last: UInt32) {
        unsafe bytes.withUnsafeBufferPointer { buffer in
            unsafe marks.withUnsafeBufferPointer { bits in
                var i = start
                var marked = false
                let checkMarks = bits.count == 0x10000 / 64
                // Read from the bytes: E5–E9 lead U+5000–U+9FFF; E4 with B8 and up U+4E00–U+4FFF;
                // E3 with 80–87 U+3000–U+31FF, but U+3000 itself (E3 80 80).
                while i + 3 <= end {
                    let b0 = unsafe buffer[i]
                    let c1 = unsafe buffer[i + 1]
                    if b0 &- 0xE4 < 6 {
                        guard b0 != 0xE4 || c1 >= 0xB8 else { break }
                        let c2 = unsafe buffer[i + 2]
                        if checkMarks, unsafe bits[Int(b0 & 0x0F) << 6 | Int(c1 & 0x3F)] & (1 << (c2 & 0x3F)) != 0 { marked = true }
                    } else {
                        let c2 = unsafe buffer[i + 2]
                        guard b0 == 0xE3, c1 <= 0x87, c1 != 0x80 || c2 != 0x80 else { break }
                    }
                    i += 3
                }
                var last: UInt32 = 0
                if i > start {
                    let (b0, c1, c2) = unsafe (buffer[i - 3], buffer[i - 2], buffer[i - 1])
                    last = UInt32(b0 & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(c2 & 0x3F)
                }
                return (i, marked, last)
            }
        }
    }

    /// `scalars` as UTF-8 with origin runs: scalar `i` came from `origins[i]`. With `inBytes`, a
    /// run goes on while each origin is the previous one plus the previous scalar's UTF-8 length
    /// (byte `k` of a run starting at byte `s` with origin `o` came from `o + k - s`); without, while
    /// it is the previous one plus one (the `n`th scalar of the run came from `o + n`).
    public static func encode(
        _ scalars: [Unicode.Scalar], origins: [Int32], inBytes: Bool
    ) -> (utf8: [UInt8], runStarts: [Int32], runOrigins: [Int32]) {
        var starts: [Int32] = []
        var runOrigins: [Int32] = []
        let utf8 = unsafe [UInt8](unsafeUninitializedCapacity: 4 * scalars.count) { out, count in
            count = 0
            var next: Int32 = -1
            for i in 0..<min(scalars.count, origins.count) {
                let origin = origins[i]
                if origin != next {
                    starts.append(Int32(count))
                    runOrigins.append(origin)
                }
                let v = scalars[i].value
                let width: Int
                switch v {
                case 0..<0x80:
                    unsafe out.initializeElement(at: count, to: UInt8(v))
                    width = 1
                case 0x80..<0x800:
                    unsafe out.initializeElement(at: count, to: 0xC0 | UInt8(v >> 6))
                    unsafe out.initializeElement(at: count + 1, to: 0x80 | UInt8(v & 0x3F))
                    width = 2
                case 0x800..<0x10000:
                    unsafe out.initializeElement(at: count, to: 0xE0 | UInt8(v >> 12))
                    unsafe out.initializeElement(at: count + 1, to: 0x80 | UInt8((v >> 6) & 0x3F))
                    unsafe out.initializeElement(at: count + 2, to: 0x80 | UInt8(v & 0x3F))
                    width = 3
                default:
                    unsafe out.initializeElement(at: count, to: 0xF0 | UInt8(v >> 18))
                    unsafe out.initializeElement(at: count + 1, to: 0x80 | UInt8((v >> 12) & 0x3F))
                    unsafe out.initializeElement(at: count + 2, to: 0x80 | UInt8((v >> 6) & 0x3F))
                    unsafe out.initializeElement(at: count + 3, to: 0x80 | UInt8(v & 0x3F))
                    width = 4
                }
                count += width
                next = origin &+ (inBytes ? Int32(width) : 1)
            }
        }
        return (utf8, starts, runOrigins)
    }

    /// The origin of each scalar of `utf8` from its runs (as ``encode(_:origins:inBytes:)`` makes them).
    public static func origins(of utf8: [UInt8], runStarts: [Int32], runOrigins: [Int32], inBytes: Bool) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(utf8.count)
        for r in runStarts.indices {
            let from = Int(runStarts[r])
            let to = r + 1 < runStarts.count ? Int(runStarts[r + 1]) : utf8.count
            var origin = runOrigins[r]
            var i = from
            while i < to {
                let b = utf8[i]
                let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                out.append(origin)
                origin &+= inBytes ? Int32(width) : 1
                i += width
            }
        }
        return out
    }

    /// The origin runs of `utf8` (as ``encode(_:origins:inBytes:)`` makes them) with every
    /// scalar's origin `o` replaced by `table[o]`, found again as runs counted in bytes.
    public static func remap(
        _ utf8: [UInt8], runStarts: [Int32], runOrigins: [Int32], inBytes: Bool, through table: [Int32]
    ) -> (runStarts: [Int32], runOrigins: [Int32]) {
        var starts: [Int32] = []
        var mapped: [Int32] = []
        var next: Int32 = -1
        for r in runStarts.indices {
            let from = Int(runStarts[r])
            let to = r + 1 < runStarts.count ? Int(runStarts[r + 1]) : utf8.count
            var origin = Int(runOrigins[r])
            var i = from
            while i < to {
                let b = utf8[i]
                let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                let target = table[origin]
                if target != next {
                    starts.append(Int32(i))
                    mapped.append(target)
                }
                next = target &+ Int32(width)
                origin += inBytes ? width : 1
                i += width
            }
        }
        return (starts, mapped)
    }

    /// How many scalars start in `utf8[range]` (bytes that are not continuation bytes).
    public static func scalarCount(in utf8: [UInt8], _ range: Range<Int>) -> Int {
        unsafe utf8.withUnsafeBufferPointer { buffer in
            var count = 0
            for i in range where unsafe buffer[i] & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }
}
