import XMLKit

/// Reads an ODF spreadsheet: every table (hidden ones through their style), rows and columns
/// with their visibility and repeat counts, cell values (numbers from `office:value`, not the
/// rounded display text), cell annotations and named ranges.
struct OpenDocumentSheetReader {
    let hiddenTables: Set<String>
    /// Repeated rows or cells with content are written at most this many times.
    static let maxRepeat = 1_000

    func read(_ spreadsheet: MarkupNode, into extraction: inout ContainerExtraction) {
        for table in spreadsheet.children("table") {
            let name = table.attribute("name") ?? "Sheet"
            let hiddenSheet = table.attribute("style-name").map(hiddenTables.contains) ?? false
            var hiddenColumns = Set<Int>()
            var column = 0
            for col in table.descendants("table-column") {
                let repeats = min(col.attribute("number-columns-repeated").flatMap(Int.init) ?? 1, 1 << 14)
                let hidden = (col.attribute("visibility") ?? "visible") != "visible"
                for _ in 0..<repeats {
                    column += 1
                    if hidden { hiddenColumns.insert(column) }
                }
            }
            let writer = SheetWriter(sheet: name)
            var row = 0
            for node in rows(of: table) {
                let repeats = node.attribute("number-rows-repeated").flatMap(Int.init) ?? 1
                let hiddenRow = (node.attribute("visibility") ?? "visible") != "visible"
                let cells = self.cells(of: node, hiddenSheet: hiddenSheet, hiddenRow: hiddenRow, hiddenColumns: hiddenColumns)
                if cells.isEmpty {
                    row += repeats
                    continue
                }
                for _ in 0..<min(repeats, Self.maxRepeat) {
                    row += 1
                    let placed = cells.map { cell in
                        SheetWriter.Cell(reference: CellReference(column: cell.column, row: row), value: cell.value, part: cell.part)
                    }
                    writer.write(placed, into: &extraction)
                    for (column, note) in cells.compactMap({ c in c.note.map { (c.column, $0) } }) {
                        extraction.text.append(note, part: .comment, place: "\(name)!\(CellReference(column: column, row: row)) comment")
                    }
                }
                row += max(0, repeats - Self.maxRepeat)
            }
        }
        for range in spreadsheet.descendants("named-range") + spreadsheet.descendants("named-expression") {
            let name = range.attribute("name") ?? ""
            let target = range.attribute("cell-range-address") ?? range.attribute("expression") ?? ""
            extraction.text.append("\(name) = \(target)", part: .definedName, place: "content.xml named range \(name)")
        }
    }

    /// Rows in order, through row groups and header rows.
    private func rows(of node: MarkupNode) -> [MarkupNode] {
        var out: [MarkupNode] = []
        for child in node.children {
            switch child.elementName {
            case "table-row": out.append(child)
            case "table-row-group", "table-header-rows", "table-rows": out += rows(of: child)
            default: break
            }
        }
        return out
    }

    private struct Cell {
        let column: Int
        let value: SheetWriter.Value
        let part: ContentPart
        let note: String?
    }

    private func cells(of row: MarkupNode, hiddenSheet: Bool, hiddenRow: Bool, hiddenColumns: Set<Int>) -> [Cell] {
        var out: [Cell] = []
        var column = 0
        for cell in row.children where cell.elementName == "table-cell" || cell.elementName == "covered-table-cell" {
            let repeats = cell.attribute("number-columns-repeated").flatMap(Int.init) ?? 1
            let note = cell.child("annotation").map { annotation in
                annotation.children("p").map(\.textContent).joined(separator: " ")
            }
            guard let value = Self.value(of: cell) ?? note.map({ _ in .text("") }) else {
                column += repeats
                continue
            }
            for _ in 0..<min(repeats, Self.maxRepeat) {
                column += 1
                let part: ContentPart = hiddenSheet ? .hiddenSheet : (hiddenRow || hiddenColumns.contains(column)) ? .hiddenCell : .body
                out.append(Cell(column: column, value: value, part: part, note: note))
            }
            column += max(0, repeats - Self.maxRepeat)
        }
        return out
    }

    /// A number's stored value (`office:value`), a date's, or the cell's paragraphs.
    static func value(of cell: MarkupNode) -> SheetWriter.Value? {
        switch cell.attribute("value-type") {
        case "float", "percentage", "currency":
            return cell.attribute("value").map { .number($0) }
        case "date":
            return cell.attribute("date-value").map { .text($0) }
        case "time":
            return cell.attribute("time-value").map { .text($0) }
        default:
            let paragraphs = cell.children("p").map(\.textContent)
            return paragraphs.isEmpty ? nil : .text(paragraphs.joined(separator: " "))
        }
    }
}
