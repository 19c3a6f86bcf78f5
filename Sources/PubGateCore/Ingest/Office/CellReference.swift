/// A cell address (`C7`) as column and row numbers, and back.
struct CellReference: CustomStringConvertible {
    let column: Int
    let row: Int

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses `C7`, `$C$7`, `AA10`; nil for anything else.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var digits = false
        for ch in text.uppercased() where ch != "$" {
            guard let ascii = ch.asciiValue else { return nil }
            if ch.isLetter, !digits {
                column = column * 26 + Int(ascii - 64)
            } else if ch.isNumber {
                digits = true
                row = row * 10 + Int(ascii - 48)
            } else {
                return nil
            }
            guard column < 1 << 20, row < 1 << 24 else { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(column: column, row: row)
    }

    /// The column's letters: 1 → A, 27 → AA.
    static func letters(_ column: Int) -> String {
        var n = column
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    var description: String { Self.letters(column) + String(row) }
}
