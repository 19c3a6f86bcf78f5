import EncodingKit
import XMLKit

/// Finds where text that a parser extracted sits in the document's decoded UTF-8.
///
/// libxml2 reports only line numbers, and its text has entities decoded. Nodes come in document
/// order, so the aligner walks the source once with a cursor: each text is matched byte by byte
/// from the cursor on, reading `&…;` references in the source as the character they stand for and
/// a `\r` before `\n` as nothing. When a text cannot be aligned (a parser repair), every character
/// is pinned to the start of the node's line, so a finding still names the right line.
struct SourceAligner {
    let source: [UInt8]
    private(set) var cursor = 0
    private let lineStarts: [Int]

    /// `lineStarts`: the source's (``DecodedText/lineStarts``) when known; found here otherwise.
    init(source: [UInt8], lineStarts: [Int]? = nil) {
        self.source = source
        self.lineStarts = lineStarts ?? DecodedText.lineStarts(ofUTF8: source)
    }

    /// `utf8` as a segment of `part`, aligned at or after the cursor (which it advances); nil for
    /// white space only, which makes no segment. What the HTML and XML walkers emit.
    mutating func segment(_ utf8: Span<UInt8>, part: ContentPart, line: Int, endsBlock: Bool) -> TextSegment? {
        guard !Unicode.Scalar.allWhiteSpace(utf8) else { return nil }
        let runs = align(utf8, line: line)
        return TextSegment(part: part, utf8: UTF8Bytes.array(utf8), runStarts: runs.starts, runOrigins: runs.origins, endsBlock: endsBlock)
    }

    /// The origin runs (``TextSegment``) of `text`, aligned at or after the cursor; advances the cursor.
    mutating func align(_ text: Span<UInt8>, line: Int) -> (starts: [Int32], origins: [Int32]) {
        guard !text.isEmpty else { return ([], []) }
        if let mapped = firstAlignment(text) {
            cursor = mapped.end
            return (mapped.starts, mapped.origins)
        }
        let lineIndex = max(0, min(line - 1, lineStarts.count - 1))
        let pinned = Int32(lineStarts[lineIndex])
        // Every character its own run, all from the line's start.
        var starts: [Int32] = []
        for i in 0..<text.count where text[i] & 0xC0 != 0x80 { starts.append(Int32(i)) }
        return (starts, Array(repeating: pinned, count: starts.count))
    }

    /// The runs of `text` at the first place from the cursor on where it matches. Only where the
    /// text can start is a match tried: most of what lies between two texts is markup.
    private func firstAlignment(_ text: Span<UInt8>) -> (starts: [Int32], origins: [Int32], end: Int)? {
        let src = source.span
        let first = text[0]
        var p = cursor
        while p < src.count {
            let s = src[p]
            if s == first || s == 0x26 || (s == 0x0D && first == 0x0A), let mapped = tryAlign(text, at: p) { return mapped }
            p += 1
        }
        return nil
    }

    /// The runs of `text` matched against the source from `start`, and where the match ends; nil
    /// when it does not match. Bytes that are the same in both and start no reference or CRLF
    /// continue the current run; a reference is a run of its own.
    private func tryAlign(_ text: Span<UInt8>, at start: Int) -> (starts: [Int32], origins: [Int32], end: Int)? {
        let src = source.span
        let n = src.count
        var starts: [Int32] = []
        var origins: [Int32] = []
        var expected = -1
        var j = start
        var k = 0
        while k < text.count {
            let t = text[k]
            // The common case: the same bytes, none of which starts a reference or line break.
            let same = UTF8Bytes.commonRun(src, j, text, k)
            if same > 0 {
                if j != expected {
                    starts.append(Int32(k))
                    origins.append(Int32(j))
                }
                j += same
                k += same
                expected = j
                continue
            }
            if j < n, src[j] == 0x0D, t == 0x0A { j += 1 }
            guard j < n else { return nil }
            // A reference in the source stands for one character of the text; anything else must be equal.
            if src[j] == 0x26, let (scalar, length) = Self.reference(at: j, in: source) {
                guard t & 0xC0 != 0x80 else { return nil }
                let (value, width) = UTF8Bytes.scalar(at: k, in: text)
                guard value == scalar.value else { return nil }
                starts.append(Int32(k))
                origins.append(Int32(j))
                j += length
                k += width
                expected = -1
            } else if src[j] == t {
                if j != expected {
                    starts.append(Int32(k))
                    origins.append(Int32(j))
                }
                j += 1
                k += 1
                expected = j
            } else {
                return nil
            }
        }
        return (starts, origins, j)
    }

    /// The scalar a character reference at `i` of `source` stands for (`&#88;`, `&amp;`) and the
    /// reference's length in bytes; nil when no reference starts there.
    static func reference(at i: Int, in source: [UInt8]) -> (scalar: Unicode.Scalar, length: Int)? {
        guard i < source.count, source[i] == 0x26 else { return nil }
        var name = ""
        var j = i + 1
        while j < source.count, j - i <= 12 {
            let b = source[j]
            if b == 0x3B { break }
            let isLetter = (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
            guard isLetter || (0x30...0x39).contains(b) || b == 0x23 else { return nil }
            name.unicodeScalars.append(Unicode.Scalar(b))
            j += 1
        }
        guard j < source.count, source[j] == 0x3B, !name.isEmpty else { return nil }
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

    /// The same for scalars (the Markdown reader's): the reference's length in scalars.
    static func reference(at i: Int, in source: [Unicode.Scalar]) -> (scalar: Unicode.Scalar, length: Int)? {
        guard source[i] == "&" else { return nil }
        // A reference is ASCII: anything else ends it (as a byte no name holds).
        let bytes = source[i..<min(source.count, i + 14)].map { $0.isASCII ? UInt8($0.value) : 0x80 }
        return reference(at: 0, in: bytes)
    }
}
