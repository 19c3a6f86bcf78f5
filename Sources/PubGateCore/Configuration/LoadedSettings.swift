import Yams

/// Settings with the merged tree and where every value came from (for `pubgate config show`).
public struct LoadedSettings {
    let settings: Settings
    /// The merged settings as YAML nodes.
    let tree: Node.Mapping
    /// Dotted key of each leaf → the file that set it.
    let origins: [String: String]
    /// The site's files the settings came from (not the shipped defaults), for the manifest.
    public let files: [SettingsFile]

    /// One line per leaf: `dotted.key: value  # file`, sorted by key.
    public func describe() -> String {
        var lines: [String] = []
        func walk(_ node: Node, _ path: String) {
            if let m = node.mapping, !m.isEmpty {
                for (k, v) in m { if let key = k.string { walk(v, path.isEmpty ? key : "\(path).\(key)") } }
            } else {
                lines.append("\(path): \(Self.render(node))  # \(origins[path] ?? "?")")
            }
        }
        walk(.mapping(tree), "")
        for (key, floor) in settings.severityFloors {
            lines.append("severity.\(key): at least \(floor.rawValue)  # \(origins["severity.\(key)"] ?? "?")")
        }
        return lines.sorted().joined(separator: "\n")
    }

    static func render(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "null" : s.string
        case .sequence(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .mapping(let m): return m.isEmpty ? "{}" : "{" + m.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
        case .alias: return "*alias"
        }
    }
}
