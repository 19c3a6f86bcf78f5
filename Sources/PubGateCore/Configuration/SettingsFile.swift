import Crypto
import Foundation

/// A settings file a run applied, as the manifest names it: which file, in what role, and the
/// SHA-256 of the bytes read, so a reviewer can tell exactly which settings judged the batch.
public struct SettingsFile: Sendable, Codable, Equatable {
    enum Role: String, Sendable, Codable {
        /// Given with `--config`: the site's own policy, which may loosen the defaults.
        case config
        /// `.pubgate.yml` found in the reviewed tree, written by whoever submits the drafts: it can
        /// only tighten (``TreeSettingsCheck``).
        case reviewedTree = "reviewed-tree"
    }

    let role: Role
    let path: String
    let sha256: String

    init(role: Role, path: String, bytes: Data) {
        self.role = role
        self.path = path
        self.sha256 = Hex.encode(SHA256.hash(data: bytes))
    }

    private init(role: Role, path: String, sha256: String) {
        self.role = role
        self.path = path
        self.sha256 = sha256
    }

    /// The same file named by its ``DisplayPath``, as outputs show it.
    var displayed: SettingsFile { SettingsFile(role: role, path: DisplayPath.of(path), sha256: sha256) }
}
