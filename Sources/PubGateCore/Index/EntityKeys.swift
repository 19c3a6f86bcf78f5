import Crypto
import Foundation

/// Salted keys for what the index must be able to match without holding it: a person's name, a
/// masked identity number as published. HMAC-SHA256 (swift-crypto's `HMAC<SHA256>`) with the
/// index's own random salt, so the keys of one site's index say nothing outside it and a bare hash
/// of a name cannot be looked up.
struct EntityKeys: Sendable {
    private let salt: [UInt8]

    init(salt: [UInt8]) {
        self.salt = salt
    }

    /// The keys of one pass over a batch, on one thread: the keyed HMAC is built once and copied
    /// for each key, since building it (padding and hashing the salt) on every call was most of the
    /// index lookup for a 1,000-document batch.
    func keyer() -> Keyer { Keyer(keyed: HMAC<SHA256>(key: SymmetricKey(data: salt))) }

    struct Keyer {
        fileprivate let keyed: HMAC<SHA256>

        func key(_ parts: String...) -> String {
            var mac = keyed
            mac.update(data: Data(parts.joined(separator: "\u{1F}").utf8))
            return Hex.encode(mac.finalize())
        }

        func name(_ name: String) -> String { key("name", name) }

        /// The person as one document shows them: name and the number exactly as masked.
        func person(_ m: PersonMention) -> String {
            key("person", m.name ?? "", m.maskedNumber)
        }
    }
}
