/// Turns cmark's positions (a line, and a column counted in UTF-8 bytes) into indices of the
/// document's decoded scalars.
///
/// Lines end as CommonMark ends them: at `\n`, `\r\n` or a lone `\r`.
struct MarkdownSourceMap {
    let scalars: [Unicode.Scalar]
    /// The scalar index where each line starts.
    private let lineStarts: [Int]

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var starts = [0]
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\n" || (s == "\r" && (i + 1 == scalars.count || scalars[i + 1] != "\n")) { starts.append(i + 1) }
            i += 1
        }
        lineStarts = starts
    }

    /// The scalar at `line`, byte `column` (both 1-based); nil for cmark's "no position" (0).
    func index(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        var i = lineStarts[line - 1]
        var bytes = 1
        while bytes < column, i < scalars.count, scalars[i] != "\n", scalars[i] != "\r" {
            bytes += UTF8.width(scalars[i])
            i += 1
        }
        return i
    }

    /// Where `line` ends (its line break, or the end of the text).
    func lineEnd(_ line: Int) -> Int {
        guard line >= 1, line < lineStarts.count else { return scalars.count }
        var end = lineStarts[line]
        while end > lineStarts[line - 1], scalars[end - 1] == "\n" || scalars[end - 1] == "\r" { end -= 1 }
        return end
    }
}
