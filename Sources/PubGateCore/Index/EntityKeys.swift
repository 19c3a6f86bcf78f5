import Crypto
import Foundation

/// Salted keys for what the index must be able to match without holding it: a person's name, a
/// masked identity number as published. HMAC-SHA256 with the index's own random salt, so the
/// keys of one site's index say nothing outside it and a bare hash of a name cannot be looked up.
struct EntityKeys: Sendable {
    /// The salt's bytes (a `SymmetricKey` is built per call: it is not Sendable).
    let salt: [UInt8]

    func key(_ parts: String...) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(parts.joined(separator: "\u{1F}").utf8), using: SymmetricKey(data: salt))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    func name(_ name: String) -> String { key("name", name) }

    /// The person as one document shows them: name and the number exactly as masked.
    func person(_ m: PersonMention) -> String {
        key("person", m.name ?? "", String(m.digits.map { $0 ?? "*" }))
    }
}
