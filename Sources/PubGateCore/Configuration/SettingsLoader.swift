import Foundation
import Yams

/// Loads ``Settings``: the shipped defaults, then the site's file over them, key by key.
///
/// Mappings merge recursively; a scalar or a list replaces the default. A key the defaults do not
/// have is an error naming the file and the dotted key (only `severity` takes free keys). Each leaf
/// remembers the file it came from, for `pubgate config show`.
public struct SettingsLoader: Sendable {
    /// Default file name inside the rules folder.
    public static let defaultsFileName = "policy.yaml"
    /// The site file pubgate looks for at the root of a reviewed tree.
    public static let siteFileName = ".pubgate.yml"
    /// Mappings whose keys are the user's (kinds and rule ids), not a schema.
    static let openMappings: Set<String> = ["severity"]

    public init() {}

    /// The defaults, then `site` (`--config`) over them, then `tree` (the repository root's
    /// `.pubgate.yml`, ``RepositoryRoot``) over both.
    public func load(defaults: String, site: String?, tree: String? = nil) throws(ConfigurationError) -> LoadedSettings {
        var origins: [String: String] = [:]
        var merged = try read(defaults)
        record(merged, at: "", file: defaults, into: &origins)
        for file in [site, tree != site ? tree : nil].compactMap({ $0 }) {
            let overrides = try read(file)
            merged = try merge(merged, overrides, at: "", file: file, origins: &origins)
        }
        do {
            let settings = try YAMLDecoder().decode(Settings.self, from: Node.mapping(merged))
            return LoadedSettings(settings: settings, tree: merged, origins: origins)
        } catch let error as DecodingError {
            let file = tree ?? site ?? defaults
            throw ConfigurationError(file: file, message: "invalid settings: \(Self.describe(error))")
        } catch {
            throw ConfigurationError(file: tree ?? site ?? defaults, message: "invalid settings: \(error.summary)")
        }
    }

    private func read(_ file: String) throws(ConfigurationError) -> Node.Mapping {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, message: "cannot read the settings file")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return Node.Mapping([]) }
            if node.expands() {
                throw ConfigurationError(file: file, message: "the settings expand to more than \(Node.maxExpandedValues) values through YAML aliases")
            }
            guard var mapping = node.mapping else {
                throw ConfigurationError(file: file, message: "expected a mapping of settings")
            }
            if let version = mapping["version"] {
                guard version.int == 1 else { throw ConfigurationError(file: file, message: "unsupported settings version \(version.string ?? "?")") }
                mapping["version"] = nil
            }
            return mapping
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

    static func describe(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let c):
            return "missing key `\((c.codingPath + [key]).map(\.stringValue).joined(separator: "."))`"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return "\(error)"
        }
        return "bad value at `\(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "."))`: \(context.debugDescription)"
    }
}
