import Foundation
import Synchronization

/// Line-level pattern tests for the classify stage, on ICU regular expressions compiled once.
///
/// These run on a handful of short lines per document (the 版头, the title, the closing lines), so
/// a simple cache shared by all workers is enough; the scan rules use PCRE2 instead.
extension String {
    /// True when the whole string matches `pattern`.
    func wholeMatch(_ pattern: String) -> Bool {
        guard let re = LinePatternCache.shared.regex("^(?:" + pattern + ")$") else { return false }
        return re.firstMatch(in: self, range: NSRange(startIndex..., in: self)) != nil
    }

    /// The first capture group (or the whole match, when the pattern has none) of `pattern`.
    func firstMatch(_ pattern: String) -> String? {
        guard let re = LinePatternCache.shared.regex(pattern),
            let m = re.firstMatch(in: self, range: NSRange(startIndex..., in: self))
        else { return nil }
        let r = m.numberOfRanges > 1 && m.range(at: 1).location != NSNotFound ? m.range(at: 1) : m.range
        return Range(r, in: self).map { String(self[$0]) }
    }

    /// The capture groups of every match of `pattern`, in order.
    func allCaptures(_ pattern: String) -> [[String?]] {
        guard let re = LinePatternCache.shared.regex(pattern) else { return [] }
        return re.matches(in: self, range: NSRange(startIndex..., in: self)).map { m in
            (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: self).map { String(self[$0]) } }
        }
    }

    /// Every capture group of the first match of `pattern` (nil for groups that did not take part).
    func captures(_ pattern: String) -> [String?]? {
        guard let re = LinePatternCache.shared.regex(pattern),
            let m = re.firstMatch(in: self, range: NSRange(startIndex..., in: self))
        else { return nil }
        return (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: self).map { String(self[$0]) } }
    }
}

/// Compiled ICU patterns by source text. NSRegularExpression is immutable and safe to share.
final class LinePatternCache: Sendable {
    static let shared = LinePatternCache()
    private let compiled = Mutex<[String: NSRegularExpression]>([:])

    func regex(_ pattern: String) -> NSRegularExpression? {
        if let re = compiled.withLock({ $0[pattern] }) { return re }
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        compiled.withLock { $0[pattern] = re }
        return re
    }
}
