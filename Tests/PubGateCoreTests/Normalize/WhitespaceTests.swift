import Foundation
import Testing

@testable import PubGateCore

@Suite struct WhitespaceTests {
    @Test func theFixedListIsTheUnicodeProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhiteSpace != scalar.properties.isWhitespace { Issue.record("U+\(String(value, radix: 16))") }
        }
    }

    @Test func trimmingMatchesFoundation() {
        for text in ["", " ", "\u{3000}名称\u{00A0}", "\n\t a b \u{2028}", "文号", " \u{200B}x\u{200B} ", "\u{85}\u{200C}y\u{FEFF}"] {
            #expect(text.trimmingWhiteSpace == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
