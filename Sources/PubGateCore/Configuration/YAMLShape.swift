import Foundation
import Yams

/// Key checks for configuration files: an unknown key is an error that names the file and the key,
/// because a misspelt setting that silently does nothing is worse than a refusal to run.
enum YAMLShape {
    /// The text of a configuration file; `what` names it in the error.
    static func read(_ file: String, what: String) throws(ConfigurationError) -> String {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, message: "cannot read the \(what)")
        }
        return text
    }

    /// The top-level mapping of a YAML text; `expecting` says what it should hold. `cachedTree`
    /// false parses without storing the tree: for a loader whose decoded value is cached whole
    /// (``DecodedCache/value``), which reads the text only when that value is not there.
    static func mapping(_ text: String, file: String, expecting: String, cachedTree: Bool = true) throws(ConfigurationError) -> Node.Mapping {
        let node: Node?
        do {
            node = cachedTree ? try compose(text, file: file) : try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(file: file, message: "invalid YAML: \(error.summary)")
        }
        if node?.expands() == true {
            throw ConfigurationError(file: file, message: "the file expands to more than \(Node.maxExpandedValues) values through YAML aliases")
        }
        guard let m = node?.mapping else { throw ConfigurationError(file: file, message: "expected a mapping with \(expecting)") }
        return m
    }

    /// `Yams.compose(yaml:)` of a configuration file's text, through ``DecodedCache`` when there is
    /// one: the tree is read back for exactly these bytes instead of parsed again.
    static func compose(_ text: String, file: String) throws -> Node? {
        guard let cache = DecodedCache.standard else { return try Yams.compose(yaml: text) }
        return try cache.node(of: DecodedCache.Source(name: file, bytes: Data(text.utf8))) { () throws -> Node? in
            try Yams.compose(yaml: text)
        }
    }

    static func check(_ mapping: Node.Mapping, known: [String], file: String, at place: String) throws(ConfigurationError) {
        for key in mapping.keys.compactMap(\.string) where !known.contains(key) {
            let path = place.isEmpty ? key : "\(place).\(key)"
            throw ConfigurationError(file: file, message: "unknown key `\(path)`")
        }
    }
}
