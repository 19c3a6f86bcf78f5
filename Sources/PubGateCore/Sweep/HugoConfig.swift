import Foundation
import TOMLKit
import Yams

/// A Hugo site's configuration, found and read the way Hugo finds and reads it.
///
/// Hugo takes `hugo.toml`, `hugo.yaml`, `hugo.yml` or `hugo.json` (or the older `config.*`) at the
/// site root, or a configuration folder: `config/_default/` with `hugo.*` or `config.*` in it, then
/// `config/production/` (the environment `hugo` builds with) over it. Keys are case-insensitive. Only
/// what the sweep needs is kept: where pages are (`contentDir`, and each language's), where the
/// site is rendered (`publishDir`), where static files are (`staticDir`), and the site's `title`.
struct HugoConfig: Equatable {
    var contentDirs = ["content"]
    var publishDir = "public"
    var staticDir = "static"
    var title: String?

    static let names = ["hugo", "config"]
    static let extensions = ["toml", "yaml", "yml", "json"]

    /// The configuration of the site at `root`; nil when `root` is not a Hugo site. The root file
    /// (the first of `hugo.*`, then `config.*`) is read first, then the configuration folder's
    /// files over it.
    static func find(root: String) -> HugoConfig? {
        let files = self.files(root: root)
        guard !files.isEmpty else { return nil }
        var config = HugoConfig()
        for file in files { config.merge(Self.read((root as NSString).appendingPathComponent(file))) }
        return config
    }

    /// The configuration files Hugo reads at `root`, relative to it, in the order they apply: the
    /// root file (the first of `hugo.*`, then `config.*`), then the configuration folder's.
    static func files(root: String) -> [String] {
        let fm = FileManager.default
        let exists = { (relative: String) in fm.fileExists(atPath: (root as NSString).appendingPathComponent(relative)) }
        var files: [String] = []
        if let file = names.lazy.flatMap({ name in extensions.map { "\(name).\($0)" } }).first(where: exists) { files.append(file) }
        for environment in ["config/_default", "config/production"] {
            for name in names {
                for ext in extensions where exists("\(environment)/\(name).\(ext)") { files.append("\(environment)/\(name).\(ext)") }
            }
        }
        return files
    }

    /// Takes the keys `settings` sets (lower-cased keys, as Hugo compares them).
    mutating func merge(_ settings: [String: Any]) {
        func string(_ key: String, in map: [String: Any]) -> String? {
            map.first { $0.key.lowercased() == key }.flatMap { $0.value as? String }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let dir = string("contentdir", in: settings) { contentDirs[0] = Self.clean(dir) }
        if let dir = string("publishdir", in: settings) { publishDir = Self.clean(dir) }
        if let dir = string("staticdir", in: settings) { staticDir = Self.clean(dir) }
        if let title = string("title", in: settings) { self.title = title }
        // A multilingual site may give each language its own content folder.
        if let languages = settings.first(where: { $0.key.lowercased() == "languages" })?.value as? [String: Any] {
            for case let language as [String: Any] in languages.values {
                if let dir = string("contentdir", in: language), !contentDirs.contains(Self.clean(dir)) {
                    contentDirs.append(Self.clean(dir))
                }
            }
        }
    }

    /// A folder setting as a path relative to the root (`./content/` is `content`).
    static func clean(_ dir: String) -> String {
        var parts = dir.split(separator: "/").map(String.init).filter { $0 != "." && !$0.isEmpty }
        if parts.isEmpty { parts = ["."] }
        return parts.joined(separator: "/")
    }

    /// A configuration file's settings; an unreadable or malformed file sets nothing (Hugo would
    /// refuse to build it; the sweep then uses Hugo's defaults).
    static func read(_ path: String) -> [String: Any] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        switch (path as NSString).pathExtension.lowercased() {
        case "toml":
            guard let table = try? TOMLTable(string: text) else { return [:] }
            return dictionary(table)
        case "json":
            return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        default:
            guard let node = try? Yams.compose(yaml: text), !node.expands() else { return [:] }
            return Constructor.default.any(from: node) as? [String: Any] ?? [:]
        }
    }

    /// A TOML table's strings and tables as a dictionary (what ``merge(_:)`` reads).
    private static func dictionary(_ table: TOMLTable) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in zip(table.keys, table.values) {
            if let s = value.string {
                out[key] = s
            } else if let nested = value.table {
                out[key] = dictionary(nested)
            }
        }
        return out
    }
}
