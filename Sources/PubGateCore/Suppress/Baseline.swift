import Crypto
import Foundation

/// Accepted findings recorded in a file (`.pubgate/baseline.json`), each keyed by rule, path and a
/// fingerprint of the finding — not the line, so edits above it do not break it.
///
/// The fingerprint hashes the masked text and the masked excerpt, never the matched value: a
/// baseline is committed with the content, and a plain hash of a phone or ID number could be
/// reversed by trying every number.
public struct Baseline: Sendable, Codable {
    public struct Entry: Sendable, Codable, Hashable {
        public let rule: String
        public let path: String
        public let fingerprint: String
        let reason: String
        let addedBy: String?
        let added: String?

        public init(rule: String, path: String, fingerprint: String, reason: String, addedBy: String?, added: String?) {
            self.rule = rule
            self.path = path
            self.fingerprint = fingerprint
            self.reason = reason
            self.addedBy = addedBy
            self.added = added
        }

        enum CodingKeys: String, CodingKey {
            case rule, path, fingerprint, reason
            case addedBy = "added_by"
            case added
        }
    }

    static let schemaVersion = 1
    var schema: Int
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.schema = Self.schemaVersion
        self.entries = entries.sorted { ($0.path, $0.rule, $0.fingerprint) < ($1.path, $1.rule, $1.fingerprint) }
    }

    /// Rule, masked text and the six non-space characters on each side of it in the masked excerpt
    /// (re-wrapping a paragraph or inserting blank lines leaves it unchanged).
    public static func fingerprint(_ f: Finding) -> String {
        var context = f.message
        if let e = f.excerpt, let open = e.firstIndex(of: "«"), let close = e[open...].firstIndex(of: "»") {
            let before = e[..<open].filter { !$0.isWhitespace }.suffix(6)
            let after = e[e.index(after: close)...].filter { !$0.isWhitespace }.prefix(6)
            context = String(before) + "«»" + String(after)
        }
        return String(Hex.encode(SHA256.hash(data: Data([f.ruleID, f.masked ?? "", context].joined(separator: "\u{1F}").utf8))).prefix(24))
    }

    public static func load(_ path: String) throws(ConfigurationError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, message: "cannot read the baseline")
        }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw ConfigurationError(file: path, message: "not a pubgate baseline: \(error.summary)")
        }
    }
}
