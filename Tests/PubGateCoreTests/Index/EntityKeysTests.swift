import Crypto
import Foundation
import Testing
@testable import PubGateCore

@Suite struct EntityKeysTests {
    @Test func precomputedPadsGiveRFC2104HMAC() {
        for salt in [[UInt8](repeating: 7, count: 32), Array(0..<100).map(UInt8.init)] {
            let keys = EntityKeys(salt: salt)
            let expected = HMAC<SHA256>.authenticationCode(
                for: Data(["name", "陈思远"].joined(separator: "\u{1F}").utf8), using: SymmetricKey(data: salt))
            #expect(keys.name("陈思远") == Hex.encode(expected))
        }
    }

    @Test func hexIsLowerCaseTwoDigitsPerByte() {
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }
}
