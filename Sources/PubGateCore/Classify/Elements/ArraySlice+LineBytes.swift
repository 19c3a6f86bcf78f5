import BytesKit
import PCRE2Kit

/// Tests on one line of the matching copy as bytes (``DocumentLine/utf8``), so that the many lines
/// that fail a cheap test never become a `String`; patterns match the line where it lies in the
/// matching copy, as a subject of its own (nothing is copied per test). The matching copy is valid UTF-8 and its
/// characters are NFC, so a byte test that fails means the `String` test fails too; a byte prefix
/// or suffix that holds is confirmed on the `String` (``Swift/String/hasPrefix(_:)`` compares
/// characters: a combining mark after the prefix makes another character).
extension ArraySlice where Element == UInt8 {
    /// Whether `needle` occurs in the line (`memchr`, then a compare).
    func includes(_ needle: [UInt8]) -> Bool {
        LiteralSearch.contains(needle, in: self)
    }

    /// `String(line).hasPrefix(literal.string)`, a `String` made only when the bytes agree.
    func hasPrefix(_ literal: LineLiteral) -> Bool {
        starts(with: literal.bytes) && String(decoding: self, as: UTF8.self).hasPrefix(literal.string)
    }

    /// `String(line).hasSuffix(literal.string)`, a `String` made only when the bytes agree.
    func hasSuffix(_ literal: LineLiteral) -> Bool {
        count >= literal.bytes.count && self[(endIndex - literal.bytes.count)...].elementsEqual(literal.bytes)
            && String(decoding: self, as: UTF8.self).hasSuffix(literal.string)
    }

    /// How many Unicode scalars the line holds is at most `limit` (as ``Swift/StringProtocol/hasCount(atMost:)``).
    func hasScalarCount(atMost limit: Int) -> Bool {
        if count <= limit { return true }
        var n = 0
        for b in self where b & 0xC0 != 0x80 {
            n += 1
            if n > limit { return false }
        }
        return true
    }

    /// True when the whole line matches `pattern` (as ``Swift/String/wholeMatch(_:)``).
    func wholeMatch(_ pattern: KeyPath<LinePatterns, LinePattern.Whole>) -> Bool {
        let re = LinePatterns.shared[keyPath: pattern].pattern.regex
        return ((try? re.firstMatch(in: self, validUTF8: true)) ?? nil) != nil
    }

    /// True when `pattern` matches somewhere in the line (`String.firstMatch(_:) != nil`).
    func hasMatch(_ pattern: String.Pattern) -> Bool {
        let re = LinePatterns.shared[keyPath: pattern].regex
        return ((try? re.firstMatch(in: self, validUTF8: true)) ?? nil) != nil
    }

    /// How many times `pattern` matches, without overlaps (as ``Swift/String/count(of:)``).
    func count(of pattern: String.Pattern) -> Int {
        var n = 0
        try? LinePatterns.shared[keyPath: pattern].regex.forEachMatch(in: self, validUTF8: true) { _ in
            n += 1
            return true
        }
        return n
    }
}

/// A literal a line is compared with, as text and as UTF-8 (made once, not per line).
struct LineLiteral: Sendable, ExpressibleByStringLiteral {
    let string: String
    let bytes: [UInt8]

    init(_ string: String) {
        self.string = string
        bytes = Array(string.utf8)
    }

    init(stringLiteral value: String) { self.init(value) }
}
