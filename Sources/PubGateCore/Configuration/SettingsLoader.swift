import Foundation
import Yams

/// Loads ``Settings``: the shipped defaults, then the site's file over them, key by key, then
/// the reviewed tree's `.pubgate.yml`, which may only tighten (``TreeSettingsCheck``).
///
/// Mappings merge recursively; a scalar or a list replaces the default. A key the defaults do not
/// have is an error naming the file and the dotted key (only `severity` takes free keys, and those
/// must name a kind or a rule); so is a value out of range (``SettingsValidation``). Each leaf
/// remembers the file it came from, for `pubgate config show`.
public struct SettingsLoader: Sendable {
    /// Default file name inside the rules folder.
    public static let defaultsFileName = "policy.yaml"
    /// The site file pubgate looks for at the root of a reviewed tree.
    public static let siteFileName = ".pubgate.yml"
    /// Mappings whose keys are the user's (kinds and rule ids), not a schema.
    static let openMappings: Set<String> = ["severity"]

    /// The scan rules, when known: `severity:` keys are checked against their ids, and the tree's
    /// file may not set one below a rule's own severity.
    let rules: RuleSet?

    init(rules: RuleSet? = nil) {
        self.rules = rules
    }

    /// The defaults, then `site` (`--config`, trusted: it may loosen) over them, then `tree` (the
    /// repository root's `.pubgate.yml`, ``RepositoryRoot``: written by whoever submits the drafts,
    /// it may only tighten).
    func load(defaults: String, site: String?, tree: String? = nil) throws(ConfigurationError) -> LoadedSettings {
        var origins: [String: String] = [:]
        var merged = try read(defaults).mapping
        var files: [SettingsFile] = []
        record(merged, at: "", file: defaults, into: &origins)
        if let site {
            let (overrides, bytes) = try read(site)
            merged = try merge(merged, overrides, at: "", file: site, origins: &origins)
            files.append(SettingsFile(role: .config, path: site, bytes: bytes))
        }
        var floors: [String: Severity] = [:]
        if let tree, tree != site {
            let (overrides, bytes) = try read(tree)
            let checked = try TreeSettingsCheck(file: tree, defaultSeverity: defaultSeverity).check(overrides, against: merged)
            merged = try merge(merged, checked.merge, at: "", file: tree, origins: &origins)
            floors = checked.floors
            for key in floors.keys { origins["severity.\(key)"] = tree }
            files.append(SettingsFile(role: .reviewedTree, path: tree, bytes: bytes))
        }
        var settings: Settings
        do {
            settings = try Self.decode(merged)
        } catch let error as DecodingError {
            let (key, message) = Self.describe(error)
            throw ConfigurationError(file: key.flatMap { origins[$0] } ?? tree ?? site ?? defaults, message: "invalid settings: \(message)")
        } catch {
            throw ConfigurationError(file: tree ?? site ?? defaults, message: "invalid settings: \(error.summary)")
        }
        settings.severityFloors = floors
        let known = rules.map { rules in
            Set(rules.rules.map(\.rule.id)).union(BuiltInRuleIDs.all).union(FindingKind.vocabulary.map(\.rawValue))
        }
        try SettingsValidation(origins: origins, knownIDs: known).validate(settings, floors: floors)
        return LoadedSettings(settings: settings, tree: merged, origins: origins, files: files)
    }

    /// The settings `merged` holds, through ``DecodedCache`` keyed by the merged tree itself (its
    /// archive: every scalar, tag and style): decoding them with Yams was 29 M instructions of
    /// every start. The tree is merged and checked (the reviewed tree's file may only tighten)
    /// before, on every load; only its decoding is kept.
    static func decode(_ merged: Node.Mapping) throws -> Settings {
        let node = Node.mapping(merged)
        guard let cache = DecodedCache.standard, let archive = YAMLNodeArchive.encode(node) else {
            return try YAMLDecoder().decode(Settings.self, from: node)
        }
        return try cache.value("settings", of: [DecodedCache.Source(name: "settings", bytes: Data(archive))]) { () throws -> Settings in
            try YAMLDecoder().decode(Settings.self, from: node)
        }
    }

    /// A rule's own severity, or for a kind the strictest of the rules of that kind.
    private func defaultSeverity(_ id: String) -> Severity? {
        guard let rules else { return nil }
        let named = rules.rules.filter { $0.rule.id == id || $0.rule.kind.rawValue == id }
        return named.map(\.rule.severity).max()
    }

    /// The file's settings and its bytes (hashed for the manifest).
    private func read(_ file: String) throws(ConfigurationError) -> (mapping: Node.Mapping, bytes: Data) {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, message: "cannot read the settings file")
        }
        do {
            guard let node = try YAMLShape.compose(text, file: file) else { return (Node.Mapping([]), data) }
            if node.expands() {
                throw ConfigurationError(
                    file: file, message: "the settings expand to more than \(Node.maxExpandedValues) values through YAML aliases")
            }
            guard var mapping = node.mapping else {
                throw ConfigurationError(file: file, message: "expected a mapping of settings")
            }
            if let version = mapping[key: "version"] {
                guard version.int == 1 else { throw ConfigurationError(file: file, message: "unsupported settings version \(version.string ?? "?")") }
                mapping["version"] = nil
            }
            return (mapping, data)
        } catch let e as ConfigurationError {
            throw e
        } catch {
            throw ConfigurationError(file: file, message: "invalid YAML: \(error.summary)")
        }
    }

    private func merge(
        _ base: Node.Mapping, _ over: Node.Mapping, at path: String, file: String, origins: inout [String: String]
    ) throws(ConfigurationError) -> Node.Mapping {
        var result = base
        for (keyNode, value) in over {
            guard let key = keyNode.string else { continue }
            let dotted = path.isEmpty ? key : "\(path).\(key)"
            let open = Self.openMappings.contains(path)
            guard let existing = base[key] else {
                guard open else { throw ConfigurationError(file: file, message: "unknown key `\(dotted)`") }
                result[key] = value
                record(value, at: dotted, file: file, into: &origins)
                continue
            }
            if let b = existing.mapping, let o = value.mapping, !Self.openMappings.contains(dotted) {
                result[key] = .mapping(try merge(b, o, at: dotted, file: file, origins: &origins))
            } else if let b = existing.mapping, let o = value.mapping {
                var combined = b
                for (k, v) in o { combined[k] = v }
                result[key] = .mapping(combined)
                record(value, at: dotted, file: file, into: &origins)
            } else {
                origins = origins.filter { !($0.key == dotted || $0.key.hasPrefix(dotted + ".")) }
                result[key] = value
                record(value, at: dotted, file: file, into: &origins)
            }
        }
        return result
    }

    private func record(_ mapping: Node.Mapping, at path: String, file: String, into origins: inout [String: String]) {
        record(Node.mapping(mapping), at: path, file: file, into: &origins)
    }

    private func record(_ node: Node, at path: String, file: String, into origins: inout [String: String]) {
        if let m = node.mapping, !m.isEmpty {
            for (k, v) in m {
                guard let key = k.string else { continue }
                record(v, at: path.isEmpty ? key : "\(path).\(key)", file: file, into: &origins)
            }
        } else if !path.isEmpty {
            origins[path] = file
        }
    }

    /// The dotted key a decoding error is about (to find the file that set it) and the message.
    static func describe(_ error: DecodingError) -> (key: String?, message: String) {
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let c):
            return (nil, "missing key `\((c.codingPath + [key]).map(\.stringValue).joined(separator: "."))`")
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return (nil, "\(error)")
        }
        let path = context.codingPath.filter { $0.intValue == nil }.map(\.stringValue).joined(separator: ".")
        let shown = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return (path, "bad value at `\(shown)`: \(context.debugDescription)")
    }
}
