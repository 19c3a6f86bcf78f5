import BytesKit
import EncodingKit
import PCRE2Kit

/// The UTF-8 text cmark reads, and how its positions (a line, and a column counted in bytes) turn
/// into byte offsets of the document's decoded text.
///
/// Lines end as CommonMark ends them: at `\n`, `\r\n` or a lone `\r`.
struct MarkdownSourceMap {
    /// What cmark parses: the decoded text with front matter and shortcode tags blanked byte by
    /// byte, so every offset is the document's.
    let utf8: [UInt8]
    /// Where each line starts in `utf8`.
    private let lineStarts: [Int]

    /// `utf8` and its line starts: the decoder's (``DecodedText/lineStarts``) when blanking added
    /// no line break, found again otherwise.
    init(utf8: [UInt8], lineStarts: [Int]) {
        self.utf8 = utf8
        self.lineStarts = lineStarts
        // The most `|` on one line, counted from memchr's hits.
        var widest = 0
        var line = 0
        var onLine = 0
        var from = 0
        while let p = LiteralSearch.firstIndex(of: [0x7C], in: utf8, from: from) {
            var l = line
            while l + 1 < lineStarts.count, lineStarts[l + 1] <= p { l += 1 }
            onLine = l == line ? onLine + 1 : 1
            line = l
            widest = max(widest, onLine)
            from = p + 1
        }
        widestRow = widest
    }

    /// The most `|` on one line: the widest table row the text could hold.
    let widestRow: Int

    /// The character at `line`, byte `column` (both 1-based); nil for cmark's "no position" (0).
    func index(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        return characterStart(atOrAfter: lineStarts[line - 1] + column - 1)
    }

    /// Where `line` ends: its line break, or the end of the text.
    func lineEnd(_ line: Int) -> Int {
        guard line >= 1, line < lineStarts.count else { return utf8.count }
        var end = lineStarts[line]
        while end > lineStarts[line - 1], utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The first character starting at or after `byte` (the end of the text at most).
    func characterStart(atOrAfter byte: Int) -> Int {
        var p = min(max(0, byte), utf8.count)
        while p < utf8.count, utf8[p] & 0xC0 == 0x80 { p += 1 }
        return p
    }
}
