import Crypto
import Foundation

/// Salted keys for what the index must be able to match without holding it: a person's name, a
/// masked identity number as published. HMAC-SHA256 (RFC 2104) with the index's own random salt,
/// so the keys of one site's index say nothing outside it and a bare hash of a name cannot be
/// looked up.
///
/// The padded inner and outer keys are computed once: swift-crypto's `HMAC` API rebuilds them on
/// every call, which was measured as most of the index lookup for a 1,000-document batch.
struct EntityKeys: Sendable {
    private let inner: [UInt8]
    private let outer: [UInt8]

    init(salt: [UInt8]) {
        var key = salt.count > 64 ? Array(SHA256.hash(data: salt)) : salt
        key += [UInt8](repeating: 0, count: 64 - key.count)
        inner = key.map { $0 ^ 0x36 }
        outer = key.map { $0 ^ 0x5C }
    }

    func key(_ parts: String...) -> String {
        var h = SHA256()
        h.update(data: inner)
        h.update(data: Data(parts.joined(separator: "\u{1F}").utf8))
        var o = SHA256()
        o.update(data: outer)
        o.update(data: Array(h.finalize()))
        return Hex.encode(o.finalize())
    }

    func name(_ name: String) -> String { key("name", name) }

    /// The person as one document shows them: name and the number exactly as masked.
    func person(_ m: PersonMention) -> String {
        key("person", m.name ?? "", m.maskedNumber)
    }
}
