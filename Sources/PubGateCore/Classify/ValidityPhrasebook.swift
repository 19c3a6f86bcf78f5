import BytesKit
import PCRE2Kit
import Yams

/// The phrasings of `Rules/expiry.yaml`, in file order, and the searches the classifier and the
/// sweep make with them. Every phrasing's examples are checked when the file is loaded: a pattern
/// that no longer reads what its rule says it reads stops the run (exit 78), like a broken scan rule.
public struct ValidityPhrasebook: Sendable {
    public let phrasings: [ValidityPhrasing]
    /// Literal gates per phrasing (index-aligned): the pattern runs only where one occurs.
    private let keywords: [[[UInt8]]]

    init(phrasings: [ValidityPhrasing], keywords: [[[UInt8]]]) {
        self.phrasings = phrasings
        self.keywords = keywords
    }

    /// The earliest match of any phrasing of `kind` in `text` (normalized), nil when none matches.
    func first(_ kind: ValidityPhrasing.Kind, in text: [UInt8]) -> PhrasingMatch? {
        var best: PhrasingMatch?
        for (i, p) in phrasings.enumerated() where p.kind == kind && gateOpen(i, text) {
            guard let groups = (try? p.regex.firstMatch(in: text, validUTF8: true)) ?? nil, let whole = groups[0] else { continue }
            if let b = best, b.range.lowerBound <= whole.lowerBound { continue }
            best = PhrasingMatch(phrasing: p, range: whole, captured: Self.captured(p, groups, text))
        }
        return best
    }

    func first(_ kind: ValidityPhrasing.Kind, in text: String) -> PhrasingMatch? {
        first(kind, in: Array(text.utf8))
    }

    /// True when a phrasing of `kind` matches `text` (normalized).
    func matches(_ kind: ValidityPhrasing.Kind, _ text: String) -> Bool {
        first(kind, in: text) != nil
    }

    private func gateOpen(_ index: Int, _ text: [UInt8]) -> Bool {
        keywords[index].isEmpty || keywords[index].contains { LiteralSearch.contains($0, in: text) }
    }

    private static func captured(_ p: ValidityPhrasing, _ groups: [Range<Int>?], _ text: [UInt8]) -> [String: String] {
        var out: [String: String] = [:]
        for (name, number) in p.groups where number < groups.count {
            if let r = groups[number] { out[name] = String(decoding: text[r], as: UTF8.self) }
        }
        return out
    }

    // MARK: - Loading

    static let knownKeys = ["id", "kind", "pattern", "keywords", "examples"]

    /// Reads the `phrasings:` list; every problem names the file and the phrasing.
    static func parse(_ nodes: [Node], file: String) throws(ConfigurationError) -> ValidityPhrasebook {
        var phrasings: [ValidityPhrasing] = []
        var keywords: [[[UInt8]]] = []
        var ids: Set<String> = []
        for (index, node) in nodes.enumerated() {
            guard let m = node.mapping else { throw ConfigurationError(file: file, message: "phrasings[\(index)] is not a mapping") }
            let id = m[key: "id"]?.string ?? ""
            guard !id.isEmpty, ids.insert(id).inserted else {
                throw ConfigurationError(file: file, message: "phrasings[\(index)]: missing or duplicate id")
            }
            try YAMLShape.check(m, known: knownKeys, file: file, at: "phrasings[\(index)] (\(id))")
            guard let kind = m[key: "kind"]?.string.flatMap(ValidityPhrasing.Kind.init(rawValue:)) else {
                throw ConfigurationError(
                    file: file, ruleID: id,
                    message:
                        "unknown kind `\(m[key: "kind"]?.string ?? "")` (one of \(ValidityPhrasing.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            guard let source = m[key: "pattern"]?.string, !source.isEmpty else {
                throw ConfigurationError(file: file, ruleID: id, message: "missing pattern")
            }
            let regex: PCRE2Regex
            do {
                regex = try PCRE2Regex(source, options: [.multiline])
            } catch {
                throw ConfigurationError(file: file, ruleID: id, message: "\(error.message) at pattern offset \(error.offset ?? 0)")
            }
            var groups: [String: Int] = [:]
            for name in kind.requiredGroups {
                guard let n = regex.groupNumber(named: name) else {
                    throw ConfigurationError(file: file, ruleID: id, message: "a \(kind.rawValue) pattern needs the named group (?<\(name)>…)")
                }
                groups[name] = n
            }
            for name in kind.optionalGroups { groups[name] = regex.groupNumber(named: name) }
            let phrasing = ValidityPhrasing(id: id, kind: kind, regex: regex, groups: groups)
            let gate = (m[key: "keywords"]?.sequence ?? []).compactMap(\.string).map { Array(Normalizer.normalized($0).utf8) }
            try checkExamples(m[key: "examples"], of: phrasing, file: file)
            phrasings.append(phrasing)
            keywords.append(gate)
        }
        return ValidityPhrasebook(phrasings: phrasings, keywords: keywords)
    }

    /// An example as the pattern sees it in a document: normalized, and masked for sentence kinds.
    private static func prepared(_ text: String, for kind: ValidityPhrasing.Kind) -> String {
        let normalized = Normalizer.normalized(text)
        return kind.readsMaskedText ? RepealReferences.masked(normalized) : normalized
    }

    /// `examples: {match: [text | {text, expect: {group: value}}], no_match: [text]}`, at least one
    /// match; texts are normalized as documents are before the pattern runs.
    private static func checkExamples(_ node: Node?, of p: ValidityPhrasing, file: String) throws(ConfigurationError) {
        guard let m = node?.mapping, let matches = m[key: "match"]?.sequence, !matches.isEmpty else {
            throw ConfigurationError(file: file, ruleID: p.id, message: "needs examples with at least one `match`")
        }
        try YAMLShape.check(m, known: ["match", "no_match"], file: file, at: "\(p.id).examples")
        let book = ValidityPhrasebook(phrasings: [p], keywords: [[]])
        for example in matches {
            guard let text = example.string ?? example.mapping?[key: "text"]?.string else {
                throw ConfigurationError(file: file, ruleID: p.id, message: "a `match` example is a text or {text, expect}")
            }
            guard let found = book.first(p.kind, in: prepared(text, for: p.kind)) else {
                throw ConfigurationError(file: file, ruleID: p.id, message: "example does not match: \(text)")
            }
            for (key, value) in example.mapping?[key: "expect"]?.mapping ?? [:] {
                guard let name = key.string, let want = value.string else { continue }
                let got = Int(want) != nil ? found.number(name).map(String.init) : found.captured[name]
                guard got == want else {
                    throw ConfigurationError(
                        file: file, ruleID: p.id, message: "example `\(text)`: group \(name) read \(got ?? "nothing"), expected \(want)")
                }
            }
        }
        for example in m[key: "no_match"]?.sequence ?? [] {
            guard let text = example.string else { continue }
            if book.first(p.kind, in: prepared(text, for: p.kind)) != nil {
                throw ConfigurationError(file: file, ruleID: p.id, message: "no_match example matches: \(text)")
            }
        }
    }
}
