/// The columns of one HTML table while it is read: the header of each column (the `th` cells, or
/// the first row when it reads as headers), so every later cell's segments carry their column's
/// header (``TextSegment/column``).
///
/// A first row of data (a long digit run in a cell) gives no headers; a table without headers
/// leaves its cells without a column name.
final class TableColumns {
    private var row = -1
    private var column = 0
    private var headers: [Int: String] = [:]
    private var cellStart: Int?
    private var firstRowIsData = false

    func startRow() {
        row += 1
        column = 0
    }

    func startCell(at segment: Int) {
        if row < 0 { startRow() }
        cellStart = segment
    }

    /// Ends the current cell: a header cell (a `th`, or a cell of the first row that is not data)
    /// names its column; any other cell's segments get the name.
    func endCell(header: Bool, segments: inout [TextSegment]) {
        guard let start = cellStart, start <= segments.count else { return }
        defer {
            column += 1
            cellStart = nil
        }
        if header || (row == 0 && !firstRowIsData) {
            let text = segments[start...].map(\.text).joined().trimmingWhiteSpace
            if row == 0, !header, text.firstMatch(\.tableDataRow) != nil {
                firstRowIsData = true
                headers.removeAll()
                return
            }
            if !text.isEmpty, text.hasCount(atMost: 20) { headers[column] = text }
            return
        }
        guard let name = headers[column] else { return }
        for i in start..<segments.count where segments[i].part == .body { segments[i].column = name }
    }
}
