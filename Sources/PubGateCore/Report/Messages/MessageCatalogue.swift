import Foundation
import Yams

/// One language's messages (`Rules/messages/<language>.yaml`), kept apart from the rule files so
/// that editing a rule and translating it do not touch the same file.
///
/// - `rules`: per rule id, its `title` (SARIF shortDescription), `description` (what the rule finds
///   and why: SARIF fullDescription), `message` and `remediation` — each a text, or a mapping of
///   message ids to texts when the rule says different things (`consultation_window.period`).
/// - `shared`: messages several rules use (`shared.more_matches`), with `message` and `remediation`
///   like a rule.
/// - `terms`: the words reports show for machine values (severities, decisions, kinds …).
/// - `text`: the sentences of the terminal summary and the HTML report.
///
/// `{name}` in a text is the message's argument `name`; `{name|group}` says its value (or each item
/// of a comma-separated list) in the words of `terms.group`; `{base}` is the message a shared one
/// wraps (the finding's rule message, or the message whose key the argument `base` names).
struct MessageCatalogue: Sendable, Codable {
    /// The id of a rule's own message.
    static let defaultID = "message"
    /// The section of messages several rules use.
    static let sharedSection = "shared"
    /// The groups of `terms`.
    static let termGroups = [
        "severity", "decision", "disposition", "kind", "doc_type", "attribute", "part", "sweep_action", "sweep_reason", "status", "operation",
    ]

    let language: Language
    let entries: [String: Entry]
    let terms: [String: [String: String]]
    let texts: [String: String]

    /// What a catalogue says about one rule (or the shared section).
    struct Entry: Sendable, Codable {
        var title: String?
        var description: String?
        var messages: [String: String] = [:]
        var remediations: [String: String] = [:]
    }

    init(language: Language, entries: [String: Entry] = [:], terms: [String: [String: String]] = [:], texts: [String: String] = [:]) {
        self.language = language
        self.entries = entries
        self.terms = terms
        self.texts = texts
    }

    /// A catalogue with nothing in it: every lookup falls back.
    static func empty(_ language: Language) -> MessageCatalogue { MessageCatalogue(language: language) }

    // MARK: Lookups

    /// The rule ids (and `shared`) the catalogue has entries for.
    var sections: [String] { entries.keys.sorted() }

    func title(rule: String) -> String? { entries[rule]?.title }

    func description(rule: String) -> String? { entries[rule]?.description }

    /// The message ids of a section.
    func messageIDs(_ section: String) -> [String] { entries[section]?.messages.keys.sorted() ?? [] }

    func remediationIDs(_ section: String) -> [String] { entries[section]?.remediations.keys.sorted() ?? [] }

    /// The template of `message`, unrendered.
    func template(_ message: Message) -> String? { entries[message.section]?.messages[message.id] }

    /// The remediation of a message of `rule`: the message's own (a shared message's, or one of the
    /// rule's message ids), else the rule's general one.
    func remediationTemplate(rule: String, _ message: Message) -> String? {
        if let own = entries[message.section]?.remediations[message.id], message.section == rule || message.isShared { return own }
        return entries[rule]?.remediations[Self.defaultID]
    }

    /// `message` in this language, nil when the catalogue does not have it. `base` is the text a
    /// shared message wraps (`{base}`), asked for only when the template has one.
    func render(_ message: Message, base: () -> String?) -> String? {
        guard let template = template(message) else { return nil }
        guard template.contains("{base}") else { return fill(template, message.args) }
        var args = message.args
        args["base"] = base() ?? ""
        return fill(template, args)
    }

    /// What `message` says before and after its `{base}`, rendered; nil without one.
    func around(_ message: Message) -> (String, String)? {
        guard let template = template(message), let r = template.range(of: "{base}") else { return nil }
        return (fill(String(template[..<r.lowerBound]), message.args), fill(String(template[r.upperBound...]), message.args))
    }

    /// The remediation of `message` for `rule`, rendered with the message's arguments.
    func remediation(rule: String, _ message: Message) -> String? {
        remediationTemplate(rule: rule, message).map { fill($0, message.args) }
    }

    /// The word for a machine value (`term("severity", "block")` → 阻断), nil when there is none.
    func term(_ group: String, _ key: String) -> String? { terms[group]?[key] }

    /// A sentence of the reports, rendered; nil when the catalogue does not have it.
    func text(_ id: String, _ args: [String: String] = [:]) -> String? {
        texts[id].map { fill($0, args) }
    }

    var textIDs: [String] { texts.keys.sorted() }

    /// `template` with every `{name}` replaced by `args[name]`, and `{name|group}` by the term of
    /// that group for the value (`{doc_type|doc_type}`: normative → 规范性文件). One pass: a value
    /// holding braces is not read again; a name without a value stays as written, so a gap is
    /// visible, not silent.
    func fill(_ template: String, _ args: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let inside = rest[rest.index(after: open)..<close]
            let bar = inside.firstIndex(of: "|")
            let name = String(bar.map { inside[..<$0] } ?? inside)
            if let value = args[name] {
                if let bar, let group = terms[String(inside[inside.index(after: bar)...])] {
                    // A list (`route, time_window`) is said item by item.
                    out += value.components(separatedBy: ", ").map { group[$0] ?? $0 }.joined(separator: listSeparator)
                } else {
                    out += value
                }
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholder names of a template (`{days}` → `days`).
    static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let inside = rest[rest.index(after: open)..<close]
            names.insert(String(inside.firstIndex(of: "|").map { inside[..<$0] } ?? inside))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// How this language separates the items of a list.
    var listSeparator: String { language == .zh ? "、" : ", " }

    // MARK: Loading

    /// Reads a catalogue file; an unknown key or a value of the wrong shape names the file and the
    /// key (exit 78), like every other configuration file.
    /// The decoded catalogue is kept in ``DecodedCache`` for exactly this file's bytes.
    static func load(file: String, language: Language) throws(ConfigurationError) -> MessageCatalogue {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(file: file, message: "cannot read the message catalogue")
        }
        let decode = { () throws(ConfigurationError) -> MessageCatalogue in try parse(data, file: file, language: language) }
        guard let cache = DecodedCache.standard else { return try decode() }
        return try cache.value("messages-" + language.rawValue, of: [.init(name: file, bytes: data)], decode: decode)
    }

    /// The catalogue `data` (the file `file`) holds.
    static func parse(_ data: Data, file: String, language: Language) throws(ConfigurationError) -> MessageCatalogue {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, message: "cannot read the message catalogue")
        }
        let root = try YAMLShape.mapping(text, file: file, expecting: "rules, shared, terms and text", cachedTree: false)
        try YAMLShape.check(root, known: ["version", "language", "rules", "shared", "terms", "text"], file: file, at: "")
        if let declared = root[key: "language"]?.string, declared != language.rawValue {
            throw ConfigurationError(file: file, message: "`language` is \(declared), the file is read as \(language.rawValue)")
        }
        var entries: [String: Entry] = [:]
        for (key, node) in root[key: "rules"]?.mapping ?? [:] {
            guard let id = key.string, let m = node.mapping else {
                throw ConfigurationError(file: file, message: "rules: every entry is a rule id with a mapping")
            }
            try YAMLShape.check(m, known: ["title", "description", "message", "remediation"], file: file, at: "rules.\(id)")
            var entry = Entry(title: m[key: "title"]?.string, description: m[key: "description"]?.string)
            entry.messages = try texts(m[key: "message"], file: file, at: "rules.\(id).message")
            entry.remediations = try texts(m[key: "remediation"], file: file, at: "rules.\(id).remediation")
            entries[id] = entry
        }
        if let shared = root[key: "shared"]?.mapping {
            try YAMLShape.check(shared, known: ["message", "remediation"], file: file, at: sharedSection)
            entries[sharedSection] = Entry(
                messages: try texts(shared[key: "message"], file: file, at: "shared.message"),
                remediations: try texts(shared[key: "remediation"], file: file, at: "shared.remediation"))
        }
        var terms: [String: [String: String]] = [:]
        for (key, node) in root[key: "terms"]?.mapping ?? [:] {
            guard let group = key.string, termGroups.contains(group) else {
                throw ConfigurationError(
                    file: file, message: "unknown key `terms.\(key.string ?? "?")` (one of \(termGroups.joined(separator: ", ")))")
            }
            terms[group] = try texts(node, file: file, at: "terms.\(group)")
        }
        return MessageCatalogue(
            language: language, entries: entries, terms: terms, texts: try texts(root[key: "text"], file: file, at: "text"))
    }

    /// A text (the default id) or a mapping of ids to texts.
    private static func texts(_ node: Node?, file: String, at place: String) throws(ConfigurationError) -> [String: String] {
        guard let node else { return [:] }
        if let s = node.scalar?.string { return [defaultID: s] }
        guard let m = node.mapping else { throw ConfigurationError(file: file, message: "`\(place)` must be a text or a mapping of ids to texts") }
        var out: [String: String] = [:]
        for (k, v) in m {
            guard let id = k.string, let s = v.scalar?.string else {
                throw ConfigurationError(file: file, message: "`\(place).\(k.string ?? "?")` must be a text")
            }
            out[id] = s
        }
        return out
    }
}
