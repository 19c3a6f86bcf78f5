#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast literal byte search for keyword prefilters (libc `memchr` for the first byte, then a compare).
///
/// A rule's keywords are checked before its pattern runs; the generic `Collection.firstRange(of:)`
/// was measured at a few MB/s here, which made the prefilter cost more than the regexes it saves.
public enum LiteralSearch {
    /// Whether `needle` occurs anywhere in `haystack`.
    public static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return unsafe haystack.withUnsafeBytes { h in
            unsafe needle.withUnsafeBytes { n in
                let first = unsafe Int32(n[0])
                let last = h.count - n.count
                var offset = 0
                while offset <= last {
                    guard let hit = unsafe memchr(h.baseAddress! + offset, first, last - offset + 1) else { return false }
                    let at = unsafe UnsafeRawPointer(hit) - h.baseAddress!
                    if unsafe memcmp(h.baseAddress! + at, n.baseAddress!, n.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }
}
