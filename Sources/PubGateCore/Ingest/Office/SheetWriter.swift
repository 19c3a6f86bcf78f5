/// Writes spreadsheet rows into the extracted text, for XLSX and ODS alike: one line per row, cells
/// separated by a tab (so a name and the ID beside it stay on one line, and numbers in neighbouring
/// cells never run together), each cell its own segment placed at `Sheet!C7`.
struct SheetWriter {
    let sheet: String

    enum Value {
        case text(String)
        /// A number as stored: recovered as digits; an identity number that lost digits is a finding.
        case number(String)
    }

    struct Cell {
        let reference: CellReference
        let value: Value
        let part: ContentPart
    }

    func write(_ cells: [Cell], into extraction: inout ContainerExtraction) {
        var rendered: [(Cell, String, StoredNumber?)] = []
        for cell in cells {
            switch cell.value {
            case .text(let s):
                if s.contains(where: { !$0.isWhitespace }) { rendered.append((cell, s, nil)) }
            case .number(let raw):
                let number = StoredNumber(raw)
                rendered.append((cell, number?.text ?? raw, number))
            }
        }
        for (i, (cell, text, number)) in rendered.enumerated() {
            let last = i == rendered.count - 1
            extraction.text.append(last ? text : text + "\t", part: cell.part, place: "\(sheet)!\(cell.reference)", endsBlock: last)
            if let number, number.losesIdentityDigits {
                extraction.findingAtLastSegment(
                    Finding(
                        ruleID: "sheet_id_as_number", kind: .residentID, severity: .block,
                        text: Message("sheet_id_as_number", ["digits": String(number.significantDigits)]),
                        part: cell.part, masked: Masker.mask(number.text), sources: ["S25"]))
            }
        }
    }
}
