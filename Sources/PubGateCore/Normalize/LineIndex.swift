import EncodingKit

/// Converts positions in a document's decoded UTF-8 to 1-based line and column and to file bytes.
///
/// Columns count characters: they are counted per lookup, from the start of the line. A line
/// longer than ``blockSize`` bytes (minified markup) is counted from the nearest block start, whose
/// character count is kept, so a lookup never walks more than a block.
struct LineIndex: Sendable {
    static let blockSize = 4096

    private let text: DecodedText
    /// For a text with a line longer than a block: the characters before each block's start.
    private let charactersBefore: [Int]

    init(_ text: DecodedText) {
        // Line starts were found by the decoder: the text is not walked again for them.
        self.text = text
        var longLine = false
        let starts = text.lineStarts
        for k in starts.indices {
            let end = k + 1 < starts.count ? starts[k + 1] : text.utf8.count
            if end - starts[k] > Self.blockSize {
                longLine = true
                break
            }
        }
        var before: [Int] = []
        if longLine {
            before.reserveCapacity(text.utf8.count / Self.blockSize + 1)
            var count = 0
            var block = 0
            while block < text.utf8.count {
                before.append(count)
                let end = min(block + Self.blockSize, text.utf8.count)
                count += UTF8Bytes.scalarCount(in: text.utf8, block..<end)
                block = end
            }
            before.append(count)
        }
        charactersBefore = before
    }

    /// The 0-based line holding decoded byte `offset`.
    private func lineNumber(of offset: Int) -> Int {
        let lineStarts = text.lineStarts
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The 1-based line of decoded byte `offset`.
    func line(of offset: Int) -> Int {
        lineNumber(of: offset) + text.firstLine
    }

    /// Line and column (both 1-based, column in characters) of decoded byte `offset`.
    func lineColumn(of offset: Int) -> (line: Int, column: Int) {
        let lo = lineNumber(of: offset)
        let start = text.lineStarts[lo]
        let end = min(max(offset, start), text.utf8.count)
        return (lo + text.firstLine, characters(start..<end) + (lo == 0 ? text.firstColumn : 1))
    }

    /// How many characters start in decoded bytes `range`.
    private func characters(_ range: Range<Int>) -> Int {
        guard range.count > Self.blockSize, !charactersBefore.isEmpty else { return UTF8Bytes.scalarCount(in: text.utf8, range) }
        let from = range.lowerBound / Self.blockSize
        let to = range.upperBound / Self.blockSize
        let head = UTF8Bytes.scalarCount(in: text.utf8, (from * Self.blockSize)..<range.lowerBound)
        let tail = UTF8Bytes.scalarCount(in: text.utf8, (to * Self.blockSize)..<range.upperBound)
        return charactersBefore[to] - charactersBefore[from] + tail - head
    }

    /// The source location of decoded bytes `range`.
    func location(of range: Range<Int>) -> SourceLocation {
        let start = lineColumn(of: range.lowerBound)
        let end = lineColumn(of: range.upperBound)
        return SourceLocation(
            line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
            byteStart: text.originalOffset(ofByte: range.lowerBound), byteEnd: text.originalOffset(ofByte: range.upperBound))
    }
}
