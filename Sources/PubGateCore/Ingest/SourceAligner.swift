import EncodingKit
import XMLKit

/// Finds where text that a parser extracted sits in the original decoded characters.
///
/// libxml2 reports only line numbers, and its text has entities decoded. Nodes come in document
/// order, so the aligner walks the source once with a cursor: each text is matched character by
/// character from the cursor on, reading `&…;` references in the source as the character they stand
/// for and a `\r` before `\n` as nothing. When a text cannot be aligned (a parser repair), every
/// character is pinned to the start of the node's line, so a finding still names the right line.
struct SourceAligner {
    let source: [Unicode.Scalar]
    private(set) var cursor = 0
    private let lineStarts: [Int]

    /// `lineStarts`: the source's (``DecodedText/lineStarts``) when known; found here otherwise.
    init(source: [Unicode.Scalar], lineStarts: [Int]? = nil) {
        self.source = source
        self.lineStarts = lineStarts ?? DecodedText.lineStarts(of: source)
    }

    /// Origins for each scalar of `text`, aligned at or after the cursor; advances the cursor.
    mutating func align(_ text: [Unicode.Scalar], line: Int) -> [Int32] {
        guard let first = text.first else { return [] }
        if let mapped = firstAlignment(text, first: first) {
            cursor = Int(mapped.last!) + 1
            return mapped
        }
        let lineIndex = max(0, min(line - 1, lineStarts.count - 1))
        return Array(repeating: Int32(lineStarts[lineIndex]), count: text.count)
    }

    /// The origins of `text` at the first place from the cursor on where it matches. Only where
    /// the text can start is a match tried: most of what lies between two texts is markup.
    private func firstAlignment(_ text: [Unicode.Scalar], first: Unicode.Scalar) -> [Int32]? {
        let src = source.span
        var p = cursor
        while p < src.count {
            let s = src[p]
            if s == first || s == "&" || (s == "\r" && first == "\n"), let mapped = tryAlign(text, at: p) { return mapped }
            p += 1
        }
        return nil
    }

    /// The origins of `text` matched against the source from `start`, or nil. A run of characters
    /// that are the same in both and start no reference or CRLF takes the plain loop; the rest is
    /// read one character at a time.
    private func tryAlign(_ text: [Unicode.Scalar], at start: Int) -> [Int32]? {
        let src = source.span
        let txt = text.span
        let n = src.count
        var mapped = [Int32](repeating: 0, count: txt.count)
        var out = mapped.mutableSpan
        var j = start
        var k = 0
        while k < txt.count {
            let t = txt[k]
            // The common case: the same character, which starts no reference or line break.
            if j < n, src[j] == t, t != "&", t != "\r" {
                out[k] = Int32(j)
                j += 1
                k += 1
                continue
            }
            if j < n, src[j] == "\r", t == "\n" { j += 1 }
            guard j < n else { return nil }
            // A reference in the source stands for one character of the text; anything else must be equal.
            if src[j] == "&", let (scalar, length) = Self.reference(at: j, in: source) {
                guard scalar == t else { return nil }
                out[k] = Int32(j)
                j += length
            } else if src[j] == t {
                out[k] = Int32(j)
                j += 1
            } else {
                return nil
            }
            k += 1
        }
        _ = consume out
        return mapped
    }

    /// The scalar a character reference at `i` of `source` stands for (`&#88;`, `&amp;`) and the
    /// reference's length in scalars; nil when no reference starts there.
    static func reference(at i: Int, in source: [Unicode.Scalar]) -> (scalar: Unicode.Scalar, length: Int)? {
        guard source[i] == "&" else { return nil }
        var name = ""
        var j = i + 1
        while j < source.count, j - i <= 12 {
            let s = source[j]
            if s == ";" { break }
            guard s.isASCII, s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "#" else { return nil }
            name.unicodeScalars.append(s)
            j += 1
        }
        guard j < source.count, source[j] == ";", !name.isEmpty else { return nil }
        let length = j - i + 1
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            guard let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) else { return nil }
            return (s, length)
        }
        if name.hasPrefix("#") {
            guard let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) else { return nil }
            return (s, length)
        }
        guard let s = HTMLEntities.scalar(named: name) else { return nil }
        return (s, length)
    }
}
