import Crypto
import Foundation
import Testing

@testable import PubGateCore

@Suite struct EntityKeysTests {
    /// RFC 4231 test case 2 (key "Jefe"): the keys are HMAC-SHA256 as the standard defines it.
    @Test func keysAreRFC4231HMACSHA256() {
        let keys = EntityKeys(salt: Array("Jefe".utf8)).keyer()
        #expect(keys.key("what do ya want for nothing?") == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// A name's key is the HMAC of its parts joined by U+001F, for short and long (hashed) salts,
    /// and the same from every copy of the keyed HMAC.
    @Test func nameKeysJoinTheirPartsAndRepeat() {
        for salt in [[UInt8](repeating: 7, count: 32), Array(0..<100).map(UInt8.init)] {
            let keys = EntityKeys(salt: salt).keyer()
            let expected = HMAC<SHA256>.authenticationCode(
                for: Data(["name", "陈思远"].joined(separator: "\u{1F}").utf8), using: SymmetricKey(data: salt))
            #expect(keys.name("陈思远") == Hex.encode(expected))
            #expect(keys.name("陈思远") == keys.name("陈思远"))
            #expect(keys.name("陈思远") != keys.name("苏桐"))
        }
    }

    @Test func hexIsLowerCaseTwoDigitsPerByte() {
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }
}
