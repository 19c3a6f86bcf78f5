/// The most line breaks a match of a PCRE2 pattern can hold, read from the pattern's syntax: a
/// bound on where a match can start for a rule whose length in bytes has none (`[ \t]*`, `[^，]+`).
/// A match ending at a prefilter hit with at most k line breaks starts after the (k+1)-th line
/// break before the hit, so PCRE2 confirms from there (``Confirmation/lines(maxBreaks:)``) instead
/// of over the whole document.
///
/// Conservative: anything that may match a line feed counts as one (`\s`, `\v`, `\R`, `\D`, `\W`,
/// `\H`, `\X`, `\C`, Unicode properties, negated classes without `\n`, ranges from below U+000B,
/// `.` with dotall), lookarounds count as if they consumed (the prefilter may report a hit past
/// them), and what the reader does not know — back-references, inline options, conditionals,
/// verbs, `extended` syntax — gives nil: no bound.
struct LineBreaks {
    private let scalars: [Unicode.Scalar]
    private let dotAll: Bool
    private var i = 0

    /// The bound for `pattern` with the rule's flags; nil when there is none or it cannot be read.
    static func maxCount(in pattern: String, flags: [String]) -> Int? {
        guard !flags.contains(where: { $0 == "extended" || $0 == "x" }) else { return nil }
        var reader = LineBreaks(scalars: Array(pattern.unicodeScalars), dotAll: flags.contains { $0 == "dotall" || $0 == "s" })
        guard let count = reader.alternation(), reader.i == reader.scalars.count else { return nil }
        return count
    }

    private init(scalars: [Unicode.Scalar], dotAll: Bool) {
        self.scalars = scalars
        self.dotAll = dotAll
    }

    /// Names of the Han script in `\p{…}`, whose characters are never a line feed.
    private static let hanNames: Set<String> = ["sc:Han", "Han", "script=Han", "sc=Han"]

    private var next: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    /// Branches separated by `|`, up to a `)` or the end: the largest branch's count.
    private mutating func alternation() -> Int? {
        var most = 0
        while true {
            guard let branch = sequence() else { return nil }
            most = max(most, branch)
            guard next == "|" else { return most }
            i += 1
        }
    }

    /// Quantified atoms in a row: the sum of their counts.
    private mutating func sequence() -> Int? {
        var total = 0
        while let c = next, c != "|", c != ")" {
            guard let one = atom() else { return nil }
            let repeats = quantifier()
            if one > 0 {
                guard let repeats else { return nil }
                total += one * repeats
            }
        }
        return total
    }

    /// The upper bound of the quantifier after an atom: 1 when there is none, nil for `*`, `+`
    /// and `{n,}`. A `{` that does not open a quantifier is a literal (PCRE2 reads it so).
    private mutating func quantifier() -> Int? {
        var bound: Int?
        switch next {
        case "*", "+":
            i += 1
            bound = nil
        case "?":
            i += 1
            bound = 1
        case "{":
            guard let (upper, length) = braces(from: i) else { return 1 }
            i += length
            bound = upper
        default: return 1
        }
        if next == "?" || next == "+" { i += 1 }  // lazy or possessive: the same bound
        return bound
    }

    /// `{n}`, `{n,}`, `{n,m}` at `start`: the upper bound (nil: none) and the length; nil when it is
    /// not a quantifier (PCRE2 reads it as literal characters).
    private func braces(from start: Int) -> (Int?, Int)? {
        var j = start + 1
        var lower = ""
        var upper = ""
        var comma = false
        while j < scalars.count, scalars[j] != "}" {
            let c = scalars[j]
            if c == "," && !comma {
                comma = true
            } else if ("0"..."9").contains(c) {
                if comma { upper.unicodeScalars.append(c) } else { lower.unicodeScalars.append(c) }
            } else {
                return nil
            }
            j += 1
        }
        guard j < scalars.count, !lower.isEmpty, let low = Int(lower) else { return nil }
        let bound = comma ? (upper.isEmpty ? nil : Int(upper)) : low
        return (bound, j - start + 1)
    }

    /// One atom: a group, a class, an escape, `.`, an anchor or a literal character.
    private mutating func atom() -> Int? {
        guard let c = next else { return nil }
        i += 1
        switch c {
        case "(": return group()
        case "[": return characterClass()
        case "\\": return escape()
        case ".": return dotAll ? 1 : 0
        case "^", "$": return 0
        case "*", "+", "?", "{": return c == "{" ? 0 : nil  // a quantifier with nothing before it
        default: return c == "\n" ? 1 : 0
        }
    }

    /// After `(`: a capturing, non-capturing, named, atomic or lookaround group; nil for anything else.
    private mutating func group() -> Int? {
        if next == "?" {
            i += 1
            guard let kind = next else { return nil }
            switch kind {
            case ":", "=", "!", ">", "|": i += 1
            case "<":
                i += 1
                if next == "=" || next == "!" {
                    i += 1
                } else {
                    guard skipName(until: ">") else { return nil }
                }
            case "P":
                i += 1
                guard next == "<" else { return nil }
                i += 1
                guard skipName(until: ">") else { return nil }
            case "'":
                i += 1
                guard skipName(until: "'") else { return nil }
            case "#":
                while let c = next, c != ")" { i += 1 }
                guard next == ")" else { return nil }
                i += 1
                return 0
            default: return nil  // inline options, conditionals, recursion, callouts
            }
        } else if next == "*" {
            return nil  // verbs such as (*UTF) or (*SKIP)
        }
        guard let inner = alternation(), next == ")" else { return nil }
        i += 1
        return inner
    }

    private mutating func skipName(until end: Unicode.Scalar) -> Bool {
        while let c = next, c != end {
            guard c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" else { return false }
            i += 1
        }
        guard next == end else { return false }
        i += 1
        return true
    }

    /// After `[`: 1 when the class may match a line feed.
    private mutating func characterClass() -> Int? {
        var negated = false
        if next == "^" {
            negated = true
            i += 1
        }
        var holdsNewline = false
        var first = true
        var previous: UInt32?
        while let c = next, c != "]" || first {
            first = false
            i += 1
            var value: UInt32?
            if c == "[", next == ":" {
                // A POSIX class: [:space:] and [:cntrl:] hold the line feed; others do not.
                guard let close = (i..<scalars.count).first(where: { scalars[$0] == "]" }) else { return nil }
                let name = String(String.UnicodeScalarView(scalars[i..<close]))
                if name.contains("space") || name.contains("cntrl") || name.contains("^") { holdsNewline = true }
                i = close + 1
            } else if c == "\\" {
                guard let escape = classEscape() else { return nil }
                value = escape.value
                if escape.setHoldsNewline { holdsNewline = true }
            } else if c == "-", let low = previous, let high = next, high != "]" {
                // A range: from `low` to the next character (given literally or as an escape).
                i += 1
                var highValue = high.value
                if high == "\\" {
                    guard let e = next else { return nil }
                    i += 1
                    guard let code = codeEscape(e) ?? (e == "n" ? 0x0A : (e.isASCII && e.properties.isAlphabetic ? nil : e.value)) else { return nil }
                    highValue = code
                }
                if low <= 0x0A && highValue >= 0x0A { holdsNewline = true }
                previous = nil
                continue
            } else {
                value = c.value
            }
            if value == 0x0A { holdsNewline = true }
            previous = value
        }
        guard next == "]" else { return nil }
        i += 1
        return holdsNewline != negated ? 1 : 0
    }

    /// After `\` inside a class: the one character the escape stands for (nil for a set of them),
    /// and whether a set it stands for may match a line feed; nil when pubgate cannot read it.
    private mutating func classEscape() -> (value: UInt32?, setHoldsNewline: Bool)? {
        guard let e = next else { return nil }
        i += 1
        switch e {
        case "n": return (0x0A, false)
        case "p" where next == "{":
            // The Han script holds no control character; any other property may.
            guard let close = (i..<scalars.count).first(where: { scalars[$0] == "}" }) else { return nil }
            let han = Self.hanNames.contains(String(String.UnicodeScalarView(scalars[(i + 1)..<close])))
            i = close + 1
            return (nil, !han)
        case "s", "v", "D", "W", "H", "p", "P", "X", "C", "R": return (nil, true)
        case "x", "o", "c", "0", "1", "2", "3", "4", "5", "6", "7", "e", "a", "f", "r", "t":
            guard let code = codeEscape(e) else { return nil }
            return (code, false)
        case "d", "w", "h", "S", "V", "N": return (nil, false)
        default:
            guard !e.properties.isAlphabetic || !e.isASCII else { return nil }
            return (e.value, false)
        }
    }

    /// After `\` outside a class.
    private mutating func escape() -> Int? {
        guard let e = next else { return nil }
        i += 1
        switch e {
        case "n", "s", "v", "R", "D", "W", "H", "X", "C": return 1
        case "p", "P":
            guard next == "{" else {
                i += 1
                return 1
            }
            guard let close = (i..<scalars.count).first(where: { scalars[$0] == "}" }) else { return nil }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            i = close + 1
            return e == "p" && Self.hanNames.contains(name) ? 0 : 1
        case "d", "w", "h", "S", "V", "N", "b", "B", "A", "z", "Z", "G", "K": return 0
        case "x", "o", "c", "0", "e", "a", "f", "r", "t": return codeEscape(e).map { $0 == 0x0A ? 1 : 0 }
        case "Q": return nil
        default:
            // Back-references (\1, \g, \k) and unknown letters: no bound. Escaped punctuation or a
            // non-ASCII character stands for itself.
            return e.isASCII && (e.properties.isAlphabetic || ("1"..."9").contains(e)) ? nil : 0
        }
    }

    /// The code point of `\x..`, `\x{..}`, `\o{..}`, `\cX`, octal and the named controls, after the
    /// escape letter `e` (already read); nil when it cannot be read.
    private mutating func codeEscape(_ e: Unicode.Scalar) -> UInt32? {
        func digits(_ radix: Int, max count: Int) -> UInt32? {
            var text = ""
            while text.count < count, let c = next, UInt32(String(c), radix: radix) != nil {
                text.unicodeScalars.append(c)
                i += 1
            }
            return text.isEmpty ? nil : UInt32(text, radix: radix)
        }
        func braced(_ radix: Int) -> UInt32? {
            guard next == "{" else { return nil }
            i += 1
            let value = digits(radix, max: 8)
            guard next == "}" else { return nil }
            i += 1
            return value
        }
        switch e {
        case "x": return next == "{" ? braced(16) : (digits(16, max: 2) ?? 0)
        case "o": return braced(8)
        case "c":
            guard let c = next else { return nil }
            i += 1
            return c.value ^ 0x40
        case "0": return digits(8, max: 2) ?? 0
        case "1"..."7":
            i -= 1
            return digits(8, max: 3)
        case "e": return 0x1B
        case "a": return 0x07
        case "f": return 0x0C
        case "r": return 0x0D
        case "t": return 0x09
        default: return nil
        }
    }
}
