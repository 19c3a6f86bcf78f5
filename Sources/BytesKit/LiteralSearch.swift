#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fast literal byte search for keyword prefilters and line splitting (libc `memchr` for one byte,
/// then a compare). It lives in BytesKit, the Kit of byte loops over raw memory, not beside PCRE2:
/// it searches literals, no pattern.
///
/// A rule's keywords are checked before its pattern runs; the generic `Collection.firstRange(of:)`
/// was measured at a few MB/s here, which made the prefilter cost more than the regexes it saves.
public enum LiteralSearch {
    /// Whether `needle` occurs anywhere in `haystack`.
    public static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        unsafe haystack.withUnsafeBytes { h in unsafe needle.withUnsafeBytes { n in unsafe find(n, in: h) } }
    }

    /// Whether `needle` occurs in `haystack`, a part of a larger text (one line of it), not copied.
    public static func contains(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
        unsafe haystack.withUnsafeBytes { h in unsafe needle.withUnsafeBytes { n in unsafe find(n, in: h) } }
    }

    /// Whether `needle` occurs in `haystack`, compared as UTF-8 bytes (no Unicode equivalence:
    /// both sides are normalized text here). Foundation's `String.contains(_:)` bridges both
    /// strings to NSString and was a tenth of the classify stage's time.
    public static func contains(_ needle: String, in haystack: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in unsafe find(UnsafeRawBufferPointer(n), in: UnsafeRawBufferPointer(h)) }
        }
    }

    /// Where `needle` next occurs in `haystack` at or after `start`; nil when it does not.
    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard start >= 0, start <= haystack.count else { return nil }
        return unsafe haystack.withUnsafeBytes { h in
            unsafe needle.withUnsafeBytes { n in unsafe find(n, in: h, from: start) }
        }
    }

    /// Where `needle` first occurs in `haystack` starting at or after `start` and ending at or
    /// before `end`; nil when it does not.
    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int, endingBy end: Int) -> Int? {
        let end = min(end, haystack.count)
        guard start >= 0, start <= end else { return nil }
        return unsafe haystack.withUnsafeBytes { h in
            unsafe needle.withUnsafeBytes { n in unsafe find(n, in: UnsafeRawBufferPointer(rebasing: h[..<end]), from: start) }
        }
    }

    private static func find(_ n: UnsafeRawBufferPointer, in h: UnsafeRawBufferPointer) -> Bool {
        unsafe find(n, in: h, from: 0) != nil
    }

    private static func find(_ n: UnsafeRawBufferPointer, in h: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard unsafe !n.isEmpty else { return start }
        guard n.count <= h.count else { return nil }
        // `memchr` for the needle's last byte when it is a UTF-8 continuation byte, else its first:
        // a Chinese word's first byte leads a sixth of the CJK block (E6 …), its last byte is one
        // of 64 continuation values.
        let anchor = unsafe (0x80...0xBF).contains(n[n.count - 1]) ? n.count - 1 : 0
        let byte = unsafe Int32(n[anchor])
        let last = h.count - n.count
        var offset = start
        while offset <= last {
            guard let hit = unsafe memchr(h.baseAddress! + offset + anchor, byte, last - offset + 1) else { return nil }
            let at = unsafe UnsafeRawPointer(hit) - h.baseAddress! - anchor
            if unsafe memcmp(h.baseAddress! + at, n.baseAddress!, n.count) == 0 { return at }
            offset = at + 1
        }
        return nil
    }
}
