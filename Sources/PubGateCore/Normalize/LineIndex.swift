import EncodingKit

/// Converts positions in a document's decoded scalars to 1-based line and column and to bytes.
public struct LineIndex: Sendable {
    private let lineStarts: [Int]
    private let byteOffsets: [UInt32]
    /// Where the text starts in its file: a window of a large file starts further down.
    private let firstLine: Int
    private let firstColumn: Int

    public init(_ text: DecodedText) {
        // Found by the decoder: the text is not walked again for them.
        self.lineStarts = text.lineStarts
        self.byteOffsets = text.byteOffsets
        firstLine = text.firstLine
        firstColumn = text.firstColumn
    }

    /// Line and column (both 1-based, column in scalars) of scalar `index`.
    public func lineColumn(of index: Int) -> (line: Int, column: Int) {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return (lo + firstLine, index - lineStarts[lo] + (lo == 0 ? firstColumn : 1))
    }

    /// The source location of scalar range `range`.
    public func location(of range: Range<Int>) -> SourceLocation {
        let start = lineColumn(of: range.lowerBound)
        let end = lineColumn(of: range.upperBound)
        let clamp = { (i: Int) in Int(self.byteOffsets[min(max(0, i), self.byteOffsets.count - 1)]) }
        return SourceLocation(
            line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
            byteStart: clamp(range.lowerBound), byteEnd: clamp(range.upperBound))
    }
}
