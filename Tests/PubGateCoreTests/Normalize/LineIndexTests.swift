import EncodingKit
import TestSupport
import Testing

@testable import PubGateCore

@Suite struct LineIndexTests {
    /// Line and column (in characters) of every character start agree with counting from the
    /// text's beginning, on short lines and on lines long enough to be counted by blocks.
    @Test(arguments: [3, 200, 9000]) func lineAndColumnCountCharacters(lineLength: Int) {
        var generator = SeededRandom(seed: UInt64(lineLength))
        let alphabet: [Unicode.Scalar] = ["a", "中", "é", "😀", " "]
        var scalars: [Unicode.Scalar] = []
        for _ in 0..<3 {
            scalars += (0..<lineLength).map { _ in alphabet.randomElement(using: &generator)! }
            scalars.append("\n")
        }
        let utf8 = Array(String(String.UnicodeScalarView(scalars)).utf8)
        let index = LineIndex(DecodedText(utf8: utf8, encoding: .utf8))
        var line = 1
        var column = 1
        var byte = 0
        for s in scalars {
            if byte % 7 == 0 || column > lineLength - 3 {
                let found = index.lineColumn(of: byte)
                #expect(found.line == line && found.column == column, "byte \(byte)")
            }
            byte += UTF8.width(s)
            if s == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        #expect(index.location(of: 0..<utf8.count).byteEnd == utf8.count)
    }
}
