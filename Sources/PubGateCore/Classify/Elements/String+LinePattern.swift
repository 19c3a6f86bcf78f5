import Foundation
import PCRE2Kit
import Synchronization

/// Line-level pattern tests for the classify, aggregate and sweep stages, on PCRE2 patterns compiled
/// once and shared by every worker (Foundation's NSRegularExpression converts every line to UTF-16
/// and was a tenth of a review's time here).
///
/// Patterns are PCRE2 in UTF mode with Unicode properties for `\d`, `\s` and `\w` (as the ICU
/// patterns they replaced had); write `\p{sc:Han}` for Han characters, since PCRE2's `\p{Han}`
/// also matches 、。（）.
extension String {
    /// True when the whole string matches `pattern`.
    func wholeMatch(_ pattern: String) -> Bool {
        guard let re = LinePatternCache.shared.regex(pattern, whole: true) else { return false }
        return ((try? re.firstMatch(in: Array(utf8), validUTF8: true)) ?? nil) != nil
    }

    /// The first capture group (or the whole match, when the pattern has none) of `pattern`.
    func firstMatch(_ pattern: String) -> String? {
        guard let groups = captures(pattern) else { return nil }
        return groups.count > 1 && groups[1] != nil ? groups[1] : groups[0]
    }

    /// The capture groups of every match of `pattern`, in order.
    func allCaptures(_ pattern: String) -> [[String?]] {
        guard let re = LinePatternCache.shared.regex(pattern) else { return [] }
        let bytes = Array(utf8)
        var result: [[String?]] = []
        try? re.forEachMatch(in: bytes, validUTF8: true) { groups in
            result.append(groups.map { $0.map { String(decoding: bytes[$0], as: UTF8.self) } })
            return true
        }
        return result
    }

    /// The range of the first match of `pattern`.
    func firstRange(_ pattern: String) -> Range<String.Index>? {
        guard let re = LinePatternCache.shared.regex(pattern) else { return nil }
        let bytes = Array(utf8)
        guard let groups = (try? re.firstMatch(in: bytes, validUTF8: true)) ?? nil, let r = groups[0] else { return nil }
        let u = utf8
        return u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)
    }

    /// How many times `pattern` matches, without overlaps.
    func count(of pattern: String) -> Int {
        guard let re = LinePatternCache.shared.regex(pattern) else { return 0 }
        var n = 0
        try? re.forEachMatch(in: Array(utf8), validUTF8: true) { _ in
            n += 1
            return true
        }
        return n
    }

    /// The pieces between the matches of `pattern` (empty pieces kept).
    func split(regex pattern: String) -> [String] {
        guard let re = LinePatternCache.shared.regex(pattern) else { return [self] }
        let bytes = Array(utf8)
        var pieces: [String] = []
        var start = 0
        try? re.forEachMatch(in: bytes, validUTF8: true) { groups in
            guard let whole = groups[0], !whole.isEmpty else { return true }
            pieces.append(String(decoding: bytes[start..<whole.lowerBound], as: UTF8.self))
            start = whole.upperBound
            return true
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// Every capture group of the first match of `pattern` (nil for groups that did not take part).
    func captures(_ pattern: String) -> [String?]? {
        guard let re = LinePatternCache.shared.regex(pattern) else { return nil }
        let bytes = Array(utf8)
        guard let groups = (try? re.firstMatch(in: bytes, validUTF8: true)) ?? nil else { return nil }
        return groups.map { $0.map { String(decoding: bytes[$0], as: UTF8.self) } }
    }
}

/// Compiled line patterns by source text. A compiled PCRE2 pattern is immutable and safe to share.
final class LinePatternCache: Sendable {
    static let shared = LinePatternCache()
    private let compiled = Mutex<[Key: Regex]>([:])

    /// `pattern` compiled; anchored to match whole strings when `whole`.
    func regex(_ pattern: String, whole: Bool = false) -> Regex? {
        let key = Key(pattern: pattern, whole: whole)
        if let re = compiled.withLock({ $0[key] }) { return re }
        guard let re = try? Regex(whole ? "^(?:" + pattern + ")$" : pattern, options: [.ucp]) else {
            assertionFailure("line pattern does not compile: \(pattern)")
            return nil
        }
        compiled.withLock { $0[key] = re }
        return re
    }

    /// A pattern as written (so a lookup builds no string) and whether it is anchored, hashed and
    /// compared by its UTF-8 bytes: `String` hashing and `==` check Chinese text for canonical
    /// equivalence on every lookup, which cost more than the match itself.
    struct Key: Hashable {
        let pattern: String
        let whole: Bool

        static func == (a: Key, b: Key) -> Bool {
            guard a.whole == b.whole else { return false }
            var x = a.pattern
            var y = b.pattern
            return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(whole)
            var pattern = pattern
            pattern.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
