import Crypto
import Foundation
import VectorscanKit

/// Compiled prefilter databases on disk, keyed by what they were compiled from.
///
/// Compiling the shipped rules into one Vectorscan database takes about 0.4 s, more than the whole
/// pre-commit check of a typical commit; loading the serialized database takes about a millisecond.
/// The key is a SHA-256 of the Vectorscan version and every pattern with its id and flags, so a
/// changed rule, flag or library never meets a stale database. A damaged file fails to load and is
/// simply compiled again; a folder that cannot be written only costs the compile.
public struct PrefilterCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `PUBGATE_CACHE_DIR`, else `$XDG_CACHE_HOME/pubgate`, else `~/.cache/pubgate`; nil without a home.
    public static var standard: PrefilterCache? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["PUBGATE_CACHE_DIR"], !dir.isEmpty { return PrefilterCache(directory: dir) }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return PrefilterCache(directory: xdg + "/pubgate") }
        if let home = env["HOME"], !home.isEmpty { return PrefilterCache(directory: home + "/.cache/pubgate") }
        return nil
    }

    func load(_ patterns: [PatternDatabase.Pattern]) -> PatternDatabase? {
        guard let data = FileManager.default.contents(atPath: path(for: patterns)) else { return nil }
        return try? PatternDatabase(serialized: Array(data))
    }

    func store(_ database: PatternDatabase, for patterns: [PatternDatabase.Pattern]) {
        guard let bytes = try? database.serialized() else { return }
        try? AtomicWriter.write(Data(bytes), to: path(for: patterns))
    }

    func path(for patterns: [PatternDatabase.Pattern]) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("vectorscan \(PatternDatabase.version)\n".utf8))
        for p in patterns { hasher.update(data: Data("\(p.id)\t\(p.flags.rawValue)\t\(p.expression)\n".utf8)) }
        return directory + "/prefilter-" + Hex.encode(hasher.finalize()) + ".hsdb"
    }
}
