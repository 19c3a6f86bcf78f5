import Crypto
import Foundation
import POSIXKit

#if canImport(Glibc)
    import Glibc
#endif

/// The secret that keys the hash a masked path carries (``DisplayPath``).
///
/// A plain hash of `名单-13912345678.xlsx` would give the number back to anyone who tries the
/// million candidates its masked form leaves; keyed, it only tells paths apart. The key is
/// `PUBGATE_PATH_KEY` when set (so CI and servers that share a baseline or an index can share it),
/// else a random key kept in `$XDG_CONFIG_HOME/pubgate/path-key` (`~/.config/…`, created with mode
/// 0600 on first use), else — no writable home — a key for this run only.
enum PathKey {
    static var current: SymmetricKey { SymmetricKey(data: bytes) }

    private static let bytes: Data = {
        let env = ProcessInfo.processInfo.environment
        if let given = env["PUBGATE_PATH_KEY"], !given.isEmpty { return Data(given.utf8) }
        // The system generator reads the kernel's CSPRNG (getrandom), as SymmetricKey does.
        var generator = SystemRandomNumberGenerator()
        let fresh = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        guard let folder = folder(env) else { return fresh }
        let file = folder + "/path-key"
        if let stored = FileManager.default.contents(atPath: file), stored.count >= 32 { return stored }
        let temporary = file + AtomicWriter.temporaryMarker + UUID().uuidString.lowercased()
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
            FileManager.default.createFile(atPath: temporary, contents: fresh, attributes: [.posixPermissions: 0o600])
        else { return fresh }
        defer { POSIXFiles.remove(temporary) }
        // Another process may have made one meanwhile: the link fails then, and its key is used.
        if POSIXFiles.makeLink(temporary, to: file) != 0, let stored = FileManager.default.contents(atPath: file), stored.count >= 32 {
            return stored
        }
        return fresh
    }()

    private static func folder(_ env: [String: String]) -> String? {
        if let config = env["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/pubgate" }
        if let home = env["HOME"], !home.isEmpty { return home + "/.config/pubgate" }
        return nil
    }
}
