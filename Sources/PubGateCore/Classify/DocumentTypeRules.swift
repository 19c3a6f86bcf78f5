import Foundation
import PCRE2Kit
import Yams

/// The document-type cues of `Rules/classify.yaml`, read by tier: a cue on the title decides first
/// (the first type in the file with one that matches), then a cue on the column or category, then
/// one on the 文号; only when none of those holds are the body cues counted, and the type whose
/// matching body cues weigh most wins if they reach ``minimumBodyScore``.
///
/// Kept in configuration, not code, because sites name their columns and number their documents
/// differently; a document no cue matches is `news` when it has a title, else `other`.
struct DocumentTypeRules: Sendable {
    let types: [(type: DocumentType, cues: [DocumentTypeCue])]
    /// Generic genres a type may refine: a page titled …的公告 whose body invites comments
    /// (公开征求意见, 反馈意见) is a consultation; 公告 and 通知 carry any content.
    let refinements: [DocumentType: [DocumentType]]
    /// Each type's body cues, heaviest first, with their total weight: counting stops as soon as
    /// a type can no longer win (``bestByBody(_:among:)``), and the heavy cues settle that soonest.
    private let bodyCues: [(cues: [DocumentTypeCue], total: Int)]

    static let fileName = "classify.yaml"

    init(types: [(type: DocumentType, cues: [DocumentTypeCue])], refinements: [DocumentType: [DocumentType]] = [:]) {
        self.types = types
        self.refinements = refinements
        bodyCues = types.map { entry in
            let cues = entry.cues.filter { $0.tier == .body }.enumerated().sorted { a, b in
                a.element.weight != b.element.weight ? a.element.weight > b.element.weight : a.offset < b.offset
            }.map(\.element)
            return (cues, cues.reduce(0) { $0 + $1.weight })
        }
    }

    /// Body cues must add up to this much: one phrase is a mention, several make the genre.
    static let minimumBodyScore = 3

    /// The type of a document; `sectionType`, the type of the site section it is filed in, comes
    /// right after the title: a column says more than any 文号 or body phrase.
    func type(of facts: DocumentFacts, sectionType: DocumentType? = nil) -> DocumentType {
        decide(facts, sectionType: sectionType).type
    }

    /// What a cue of each tier says when it decides the type (`pubgate explain`).
    private static let tierReasons: [DocumentTypeCue.Tier: Reason] = [
        .title: .text("type.title"), .column: .text("type.column_or_category"), .documentNumber: .text("type.document_number"),
    ]

    /// The type and what decided it, in words (`pubgate explain`).
    func decide(_ facts: DocumentFacts, sectionType: DocumentType? = nil) -> (type: DocumentType, reason: Reason) {
        for tier in [DocumentTypeCue.Tier.title, .column, .documentNumber] {
            if tier == .column, let (type, column) = deepestColumnType(facts) { return (type, .text("type.column", ["column": column])) }
            for entry in types where entry.cues.contains(where: { $0.tier == tier && $0.matches(facts) }) {
                if tier == .title, let refined = bestByBody(facts, among: { self.refinements[$0]?.contains(entry.type) == true }) {
                    return (
                        refined.type,
                        .text("type.refined_by_body", ["named": entry.type.rawValue, "type": refined.type.rawValue, "score": String(refined.score)])
                    )
                }
                // A generic genre (…的通知) filed in the column of a type that refines it (规范性文件)
                // is that type: the column says what kind of 通知 it is.
                if tier == .title, let (type, column) = deepestColumnType(facts), refinements[type]?.contains(entry.type) == true {
                    return (type, .text("type.refined_by_column", ["named": entry.type.rawValue, "column": column, "type": type.rawValue]))
                }
                return (entry.type, Self.tierReasons[tier]!)
            }
            if tier == .title, let sectionType { return (sectionType, .text("type.section")) }
        }
        if let best = bestByBody(facts, among: { _ in true }) {
            return (best.type, .text("type.body", ["score": String(best.score), "minimum": String(Self.minimumBodyScore)]))
        }
        return facts.title == nil ? (.other, .text("type.no_cue_untitled")) : (.news, .text("type.no_cue_titled"))
    }

    /// The type the page's columns name, and the column: the deepest column is the most specific
    /// (行政执法公示 > 执法决定), so columns are tried from the last one the page names back to the first.
    private func deepestColumnType(_ facts: DocumentFacts) -> (DocumentType, String)? {
        guard let columns = facts.column?.split(separator: "\n").map(String.init) else { return nil }
        for column in columns.reversed() {
            let one = facts.with(column: column)
            if let entry = types.first(where: { $0.cues.contains { $0.tier == .column && $0.column != nil && $0.matches(one) } }) {
                return (entry.type, column)
            }
        }
        return nil
    }

    /// The type among `candidates` whose body cues weigh most, if they reach ``minimumBodyScore``.
    private func bestByBody(_ facts: DocumentFacts, among candidates: (DocumentType) -> Bool) -> (type: DocumentType, score: Int)? {
        var best: (type: DocumentType, score: Int)?
        for (entry, body) in zip(types, bodyCues) where candidates(entry.type) {
            // A type wins with at least the minimum and more than the best so far; the cues not yet
            // read can add at most `remaining`, so one that cannot get there is left unread.
            let needed = max(Self.minimumBodyScore, (best?.score ?? 0) + 1)
            var score = 0
            var remaining = body.total
            for cue in body.cues {
                guard score + remaining >= needed else { break }
                remaining -= cue.weight
                if cue.matches(facts) { score += cue.weight }
            }
            if score >= needed { best = (entry.type, score) }
        }
        return best
    }

    /// Loads `classify.yaml`; every problem names the file and the entry.
    static func load(file: String) throws(ConfigurationError) -> DocumentTypeRules {
        let text = try YAMLShape.read(file, what: "document-type rules")
        return try parse(text, file: file)
    }

    static func parse(_ text: String, file: String) throws(ConfigurationError) -> DocumentTypeRules {
        let root = try YAMLShape.mapping(text, file: file, expecting: "`doc_types`")
        try YAMLShape.check(root, known: ["version", "doc_types"], file: file, at: "")
        var types: [(DocumentType, [DocumentTypeCue])] = []
        var refinements: [DocumentType: [DocumentType]] = [:]
        for (index, entry) in (root[key: "doc_types"]?.sequence ?? []).enumerated() {
            let place = "doc_types[\(index)]"
            guard let m = entry.mapping else { throw ConfigurationError(file: file, message: "\(place) is not a mapping") }
            try YAMLShape.check(m, known: ["type", "cues", "refines"], file: file, at: place)
            guard let name = m[key: "type"]?.string, let type = DocumentType(rawValue: name) else {
                throw ConfigurationError(
                    file: file,
                    message:
                        "\(place): unknown type `\(m[key: "type"]?.string ?? "")` (one of \(DocumentType.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            var cues: [DocumentTypeCue] = []
            for (j, cue) in (m[key: "cues"]?.sequence ?? []).enumerated() {
                let at = "\(place) (\(name)) cues[\(j)]"
                guard let c = cue.mapping else { throw ConfigurationError(file: file, message: "\(at) is not a mapping") }
                try YAMLShape.check(c, known: ["title", "column", "body", "document_number", "has", "weight"], file: file, at: at)
                func regex(_ key: String) throws(ConfigurationError) -> PCRE2Regex? {
                    guard let source = c[key: key]?.string else { return nil }
                    do {
                        return try PCRE2Regex(source)
                    } catch {
                        throw ConfigurationError(file: file, message: "\(at).\(key): \(error.message) at pattern offset \(error.offset ?? 0)")
                    }
                }
                let has = c[key: "has"]?.sequence?.compactMap(\.string) ?? []
                for field in has where !DocumentTypeCue.knownFields.contains(field) {
                    throw ConfigurationError(file: file, message: "\(at).has: unknown field `\(field)`")
                }
                let weight = c[key: "weight"]?.int ?? 1
                guard weight > 0 else { throw ConfigurationError(file: file, message: "\(at).weight must be a positive integer") }
                cues.append(
                    DocumentTypeCue(
                        title: try regex("title"), column: try regex("column"), body: try regex("body"),
                        documentNumber: try regex("document_number"), has: has, weight: weight))
            }
            if cues.isEmpty { throw ConfigurationError(file: file, message: "\(place) (\(name)) has no cues") }
            for generic in m[key: "refines"]?.sequence?.compactMap(\.string) ?? [] {
                guard let g = DocumentType(rawValue: generic) else {
                    throw ConfigurationError(file: file, message: "\(place) (\(name)).refines: unknown type `\(generic)`")
                }
                refinements[type, default: []].append(g)
            }
            types.append((type, cues))
        }
        return DocumentTypeRules(types: types, refinements: refinements)
    }
}
