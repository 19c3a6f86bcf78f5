import Testing
@testable import PubGateCore

@Suite struct WhitespaceTests {
    @Test func theFixedListIsTheUnicodeProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhiteSpace != scalar.properties.isWhitespace { Issue.record("U+\(String(value, radix: 16))") }
        }
    }
}
