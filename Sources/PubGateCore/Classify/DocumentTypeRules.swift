import Foundation
import PCRE2Kit
import Yams

/// The ordered document-type cues of `Rules/classify.yaml`: the first type with a matching cue wins.
///
/// Kept in configuration, not code, because sites name their columns and number their documents
/// differently; a document no cue matches is `news` when it has a title, else `other`.
public struct DocumentTypeRules: Sendable {
    public let types: [(type: DocumentType, cues: [DocumentTypeCue])]

    public static let fileName = "classify.yaml"

    public init(types: [(type: DocumentType, cues: [DocumentTypeCue])]) {
        self.types = types
    }

    public func type(of facts: DocumentFacts) -> DocumentType {
        for entry in types where entry.cues.contains(where: { $0.matches(facts) }) {
            return entry.type
        }
        return facts.title == nil ? .other : .news
    }

    /// Loads `classify.yaml`; every problem names the file and the entry.
    public static func load(file: String) throws(ConfigurationError) -> DocumentTypeRules {
        let text = try YAMLShape.read(file, what: "document-type rules")
        return try parse(text, file: file)
    }

    static func parse(_ text: String, file: String) throws(ConfigurationError) -> DocumentTypeRules {
        let root = try YAMLShape.mapping(text, file: file, expecting: "`doc_types`")
        try YAMLShape.check(root, known: ["version", "doc_types"], file: file, at: "")
        var types: [(DocumentType, [DocumentTypeCue])] = []
        for (index, entry) in (root["doc_types"]?.sequence ?? []).enumerated() {
            let place = "doc_types[\(index)]"
            guard let m = entry.mapping else { throw ConfigurationError(file: file, message: "\(place) is not a mapping") }
            try YAMLShape.check(m, known: ["type", "cues"], file: file, at: place)
            guard let name = m["type"]?.string, let type = DocumentType(rawValue: name) else {
                throw ConfigurationError(
                    file: file,
                    message: "\(place): unknown type `\(m["type"]?.string ?? "")` (one of \(DocumentType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var cues: [DocumentTypeCue] = []
            for (j, cue) in (m["cues"]?.sequence ?? []).enumerated() {
                let at = "\(place) (\(name)) cues[\(j)]"
                guard let c = cue.mapping else { throw ConfigurationError(file: file, message: "\(at) is not a mapping") }
                try YAMLShape.check(c, known: ["title", "column", "body", "document_number", "has"], file: file, at: at)
                func regex(_ key: String) throws(ConfigurationError) -> Regex? {
                    guard let source = c[key]?.string else { return nil }
                    do {
                        return try Regex(source)
                    } catch {
                        throw ConfigurationError(file: file, message: "\(at).\(key): \(error.message) at pattern offset \(error.offset ?? 0)")
                    }
                }
                let has = c["has"]?.sequence?.compactMap(\.string) ?? []
                for field in has where !DocumentTypeCue.knownFields.contains(field) {
                    throw ConfigurationError(file: file, message: "\(at).has: unknown field `\(field)`")
                }
                cues.append(
                    DocumentTypeCue(
                        title: try regex("title"), column: try regex("column"), body: try regex("body"),
                        documentNumber: try regex("document_number"), has: has))
            }
            if cues.isEmpty { throw ConfigurationError(file: file, message: "\(place) (\(name)) has no cues") }
            types.append((type, cues))
        }
        return DocumentTypeRules(types: types)
    }
}
