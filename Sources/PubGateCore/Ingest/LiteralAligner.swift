/// Finds where a text a parser returned sits in the original characters, so a finding in it
/// points at the exact place in the file.
///
/// Parsers hand back text with their syntax resolved: cmark's literals have backslash escapes and
/// character references decoded and container markers (`> `, list indentation) removed; YAML,
/// TOML and JSON strings have quotes, escapes and folded line breaks resolved. The aligner walks
/// the source from a start position and reads each of those forms as the one character it stands
/// for. Matching is greedy and never backtracks: a text it cannot follow is reported as not found,
/// and the caller pins it to a position it knows (the node's line), so it is still scanned.
struct LiteralAligner {
    /// How the source spells characters of the text.
    enum Escapes {
        /// Verbatim: code spans and blocks, raw HTML, plain YAML scalars.
        case none
        /// CommonMark text: `\*` is `*`, `&amp;` and `&#x5BC6;` are one character.
        case markdown
        /// A double-quoted YAML, TOML or JSON string: `\"`, `\n`, `\u5BC6` …; a backslash at the end
        /// of a line joins the lines.
        case quoted
        /// A single-quoted YAML string: `''` is `'`.
        case singleQuoted
    }

    let source: [Unicode.Scalar]

    /// The origins of `text` when it matches the source from `start` (before `limit`), and where the
    /// match ended; nil when it does not. With `lineBreaks`, a line break in the source may stand
    /// for a space of the text (a folded line, a code span across lines), and what begins a source
    /// line — indentation, block quote markers, blank lines — may be passed over where the text
    /// does not have it.
    func match(
        _ text: ArraySlice<Unicode.Scalar>, at start: Int, limit: Int, escapes: Escapes, lineBreaks: Bool = false
    ) -> (origins: [Int32], end: Int)? {
        var origins: [Int32] = []
        origins.reserveCapacity(text.count)
        var j = start
        var lineStart = start == 0 || source[start - 1] == "\n" || source[start - 1] == "\r"
        var k = text.startIndex
        while k < text.endIndex {
            let t = text[k]
            guard j < limit else { return nil }
            let s = source[j]
            // The common case first: the same characters, none of which an escape starts with.
            if s == t, s != "\\", s != "&", s != "'" {
                let n = plainRun(text[k...], at: j, limit: limit, into: &origins)
                j += n
                k += n
                lineStart = source[j - 1] == "\n"
                continue
            }
            if s == "\\" || s == "&" || s == "'", let (length, stands) = escaped(at: j, limit: limit, escapes: escapes) {
                if stands == t {
                    origins.append(Int32(j))
                    j += length
                    k += 1
                    lineStart = false
                    continue
                }
                if stands == nil {
                    // A line continuation: nothing of the text.
                    j += length
                    continue
                }
            }
            if s == t {
                origins.append(Int32(j))
                j += 1
                k += 1
                lineStart = s == "\n"
                continue
            }
            if s == "\r", t == "\n", j + 1 < limit, source[j + 1] == "\n" {
                j += 1
                continue
            }
            if lineBreaks, t == " ", s == "\n" || s == "\r" {
                origins.append(Int32(j))
                j += (s == "\r" && j + 1 < limit && source[j + 1] == "\n") ? 2 : 1
                k += 1
                lineStart = true
                continue
            }
            if lineStart, s == " " || s == "\t" || s == ">" || (lineBreaks && (s == "\n" || s == "\r")) {
                j += 1
                continue
            }
            return nil
        }
        return (origins, j)
    }

    /// How many characters of `text` the source repeats from `j` on (before `limit`), stopping at
    /// one an escape could start with; their origins are appended. Most of a text is such a run.
    private func plainRun(_ text: ArraySlice<Unicode.Scalar>, at j: Int, limit: Int, into origins: inout [Int32]) -> Int {
        let src = source.span
        var n = 0
        let most = min(text.count, limit - j)
        let first = text.startIndex
        while n < most {
            let s = src[j + n]
            guard s == text[first + n], s != "\\", s != "&", s != "'" else { break }
            n += 1
        }
        origins.append(contentsOf: Int32(j)..<Int32(j + n))
        return n
    }

    /// The first place at or after `from` (before `limit`) where `text` matches.
    func search(
        _ text: ArraySlice<Unicode.Scalar>, from: Int, limit: Int, escapes: Escapes, lineBreaks: Bool = false
    ) -> (origins: [Int32], end: Int)? {
        guard let first = text.first else { return ([], from) }
        var p = from
        while p < limit {
            let s = source[p]
            if s == first || s == "\\" || s == "&" || s == "'" {
                if let found = match(text, at: p, limit: limit, escapes: escapes, lineBreaks: lineBreaks) { return found }
            }
            p += 1
        }
        return nil
    }

    /// The length of an escape at `i` and the character it stands for (nil for a line
    /// continuation); nil when no escape of these `escapes` starts there.
    private func escaped(at i: Int, limit: Int, escapes: Escapes) -> (Int, Unicode.Scalar?)? {
        let s = source[i]
        switch escapes {
        case .none:
            return nil
        case .markdown:
            if s == "\\", i + 1 < limit, Self.asciiPunctuation.contains(source[i + 1]) {
                return (2, source[i + 1])
            }
            if s == "&", let (scalar, length) = SourceAligner.reference(at: i, in: source), i + length <= limit {
                return (length, scalar)
            }
            return nil
        case .singleQuoted:
            return s == "'" && i + 1 < limit && source[i + 1] == "'" ? (2, "'") : nil
        case .quoted:
            guard s == "\\", i + 1 < limit else { return nil }
            return quotedEscape(at: i, limit: limit)
        }
    }

    /// What CommonMark lets a backslash escape.
    static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// The one-letter escapes of YAML, TOML and JSON double-quoted strings.
    static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "t": "\t", "r": "\r", "\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}", "0": "\0",
        "e": "\u{1B}", " ": " ", "_": "\u{A0}", "N": "\u{85}", "L": "\u{2028}", "P": "\u{2029}", "a": "\u{07}", "v": "\u{0B}",
    ]

    /// A backslash escape of a double-quoted YAML, TOML or JSON string.
    private func quotedEscape(at i: Int, limit: Int) -> (Int, Unicode.Scalar?)? {
        let e = source[i + 1]
        if let scalar = Self.simpleEscapes[e] { return (2, scalar) }
        let digits: Int
        switch e {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        case "\n", "\r", " ", "\t":
            // A backslash ending a line: the break and the next line's leading white space vanish.
            var j = i + 1
            while j < limit, source[j] == " " || source[j] == "\t" || source[j] == "\n" || source[j] == "\r" { j += 1 }
            return (j - i, nil)
        default: return nil
        }
        guard i + 2 + digits <= limit else { return nil }
        var value: UInt32 = 0
        for d in source[(i + 2)..<(i + 2 + digits)] {
            guard let v = UInt32(String(d), radix: 16) else { return nil }
            value = value << 4 | v
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (2 + digits, scalar)
    }
}
