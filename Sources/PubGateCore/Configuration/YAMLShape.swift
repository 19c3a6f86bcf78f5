import Yams

/// Key checks for configuration files: an unknown key is an error that names the file and the key,
/// because a misspelt setting that silently does nothing is worse than a refusal to run.
enum YAMLShape {
    static func check(_ mapping: Node.Mapping, known: [String], file: String, at place: String) throws(ConfigurationError) {
        for key in mapping.keys.compactMap(\.string) where !known.contains(key) {
            let path = place.isEmpty ? key : "\(place).\(key)"
            throw ConfigurationError(file: file, message: "unknown key `\(path)`")
        }
    }
}
