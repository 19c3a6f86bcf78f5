import BytesKit
import EncodingKit
import PCRE2Kit

/// The UTF-8 text cmark reads, and how its positions (a line, and a column counted in bytes) turn
/// into indices of the document's decoded scalars.
///
/// Lines end as CommonMark ends them: at `\n`, `\r\n` or a lone `\r`.
struct MarkdownSourceMap {
    /// What cmark parses.
    let utf8: [UInt8]
    /// `offsets[i]`: where scalar `i` starts in `utf8`; one more entry for the end.
    private let offsets: [Int32]
    /// Where each line starts in `utf8`.
    private let lineStarts: [Int]

    /// `view` as cmark reads it. A UTF-8 file's own bytes are used (with the characters `view`
    /// blanked, blanked byte by byte as `view` blanks them, space or line break, so every offset
    /// stays the file's); other encodings are encoded here.
    /// `scalarOffsets`: the decoded text's (``DecodedText/scalarOffsets``).
    init(view: [Unicode.Scalar], decoded: DecodedText, scalarOffsets starts: [Int32], blanked: [Range<Int>]) {
        if decoded.encoding == .utf8, decoded.base == 0 {
            var bytes = decoded.utf8
            for range in blanked {
                for i in range {
                    let fill: UInt8 = view[i] == "\n" ? 0x0A : 0x20
                    for b in Int(starts[i])..<Int(starts[i + 1]) where bytes[b] != 0x0A && bytes[b] != 0x0D {
                        bytes[b] = fill
                    }
                }
            }
            utf8 = bytes
            offsets = starts
        } else {
            var bytes: [UInt8] = []
            var offsets: [Int32] = []
            bytes.reserveCapacity(view.count * 3)
            offsets.reserveCapacity(view.count + 1)
            for s in view {
                offsets.append(Int32(bytes.count))
                bytes.append(contentsOf: UTF8.encode(s)!)
            }
            offsets.append(Int32(bytes.count))
            utf8 = bytes
            self.offsets = offsets
        }
        var starts = [0]
        if !LiteralSearch.contains([0x0D], in: utf8) {
            // Line feeds only (nearly every file): found with memchr.
            var from = 0
            while let i = LiteralSearch.firstIndex(of: [0x0A], in: utf8, from: from) {
                starts.append(i + 1)
                from = i + 1
            }
        } else {
            for i in utf8.indices {
                let b = utf8[i]
                if b == 0x0A || (b == 0x0D && (i + 1 == utf8.count || utf8[i + 1] != 0x0A)) { starts.append(i + 1) }
            }
        }
        lineStarts = starts
        // The most `|` on one line, counted from memchr's hits.
        var widest = 0
        var line = 0
        var onLine = 0
        var from = 0
        while let p = LiteralSearch.firstIndex(of: [0x7C], in: utf8, from: from) {
            var l = line
            while l + 1 < starts.count, starts[l + 1] <= p { l += 1 }
            onLine = l == line ? onLine + 1 : 1
            line = l
            widest = max(widest, onLine)
            from = p + 1
        }
        widestRow = widest
    }

    /// The most `|` on one line: the widest table row the text could hold.
    let widestRow: Int

    /// The scalar at `line`, byte `column` (both 1-based); nil for cmark's "no position" (0).
    func index(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        return scalar(atByte: lineStarts[line - 1] + column - 1)
    }

    /// Where `line` ends: the scalar of its line break, or the end of the text.
    func lineEnd(_ line: Int) -> Int {
        guard line >= 1, line < lineStarts.count else { return offsets.count - 1 }
        var end = lineStarts[line]
        while end > lineStarts[line - 1], utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D { end -= 1 }
        return scalar(atByte: end)
    }

    /// Where scalar `index` starts in ``utf8``.
    func byteOffset(ofScalar index: Int) -> Int {
        Int(offsets[min(index, offsets.count - 1)])
    }

    /// The first scalar starting at or after `byte`.
    func scalar(atByte byte: Int) -> Int {
        var lo = 0
        var hi = offsets.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(offsets[mid]) < byte { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
