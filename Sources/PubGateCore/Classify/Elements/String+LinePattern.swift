import PCRE2Kit

/// Line-level pattern tests for the classify, aggregate and sweep stages, on the named patterns of
/// ``LinePatterns`` (compiled once when the configuration loads and shared by every worker;
/// Foundation's NSRegularExpression converts every line to UTF-16 and was a tenth of a review's
/// time here). `line.firstMatch(\.chromeFooter)` names the pattern by its registry property.
extension String {
    typealias Pattern = KeyPath<LinePatterns, LinePattern>

    /// True when the whole string matches `pattern`.
    func wholeMatch(_ pattern: KeyPath<LinePatterns, LinePattern.Whole>) -> Bool {
        let re = LinePatterns.shared[keyPath: pattern].pattern.regex
        return ((try? re.firstMatch(in: Array(utf8), validUTF8: true)) ?? nil) != nil
    }

    /// The first capture group (or the whole match, when the pattern has none) of `pattern`.
    func firstMatch(_ pattern: Pattern) -> String? {
        guard let groups = captures(pattern) else { return nil }
        return groups.count > 1 && groups[1] != nil ? groups[1] : groups[0]
    }

    /// The capture groups of every match of `pattern`, in order.
    func allCaptures(_ pattern: Pattern) -> [[String?]] {
        let re = LinePatterns.shared[keyPath: pattern].regex
        let bytes = Array(utf8)
        var result: [[String?]] = []
        try? re.forEachMatch(in: bytes, validUTF8: true) { groups in
            result.append(groups.map { $0.map { String(decoding: bytes[$0], as: UTF8.self) } })
            return true
        }
        return result
    }

    /// The range of the first match of `pattern` (a registry pattern, or one a data file declares).
    func firstRange(_ pattern: LinePattern) -> Range<String.Index>? {
        let bytes = Array(utf8)
        guard let groups = (try? pattern.regex.firstMatch(in: bytes, validUTF8: true)) ?? nil, let r = groups[0] else { return nil }
        let u = utf8
        return u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)
    }

    /// How many times `pattern` matches, without overlaps.
    func count(of pattern: Pattern) -> Int {
        var n = 0
        try? LinePatterns.shared[keyPath: pattern].regex.forEachMatch(in: Array(utf8), validUTF8: true) { _ in
            n += 1
            return true
        }
        return n
    }

    /// The pieces between the matches of `pattern` (empty pieces kept).
    func split(regex pattern: Pattern) -> [String] {
        let bytes = Array(utf8)
        var pieces: [String] = []
        var start = 0
        try? LinePatterns.shared[keyPath: pattern].regex.forEachMatch(in: bytes, validUTF8: true) { groups in
            guard let whole = groups[0], !whole.isEmpty else { return true }
            pieces.append(String(decoding: bytes[start..<whole.lowerBound], as: UTF8.self))
            start = whole.upperBound
            return true
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// Every capture group of the first match of `pattern` (nil for groups that did not take part).
    func captures(_ pattern: Pattern) -> [String?]? {
        let bytes = Array(utf8)
        guard let groups = (try? LinePatterns.shared[keyPath: pattern].regex.firstMatch(in: bytes, validUTF8: true)) ?? nil else { return nil }
        return groups.map { $0.map { String(decoding: bytes[$0], as: UTF8.self) } }
    }
}
