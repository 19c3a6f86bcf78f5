/// What the reports say, in one language: findings' messages and remediations, rules' titles and
/// descriptions, the words for machine values, and the report's own sentences. The one place the
/// terminal lines, the HTML report and SARIF get their text from.
///
/// Lookups fall back to English — the catalogue's, then the scan rule's own title, message and
/// remediation (`Rules/*.yaml` keep the English source) — so a rule a site added without a
/// translation still reads, in English.
public struct ReportText: Sendable {
    let catalogue: MessageCatalogue
    let english: MessageCatalogue
    /// The English source of the scan rules, by id.
    let scanRules: [String: Rule]

    public init(_ language: Language, rules: [Rule] = []) {
        self.init(catalogue: MessageCatalogues.catalogue(language), english: MessageCatalogues.english, rules: rules)
    }

    init(catalogue: MessageCatalogue, english: MessageCatalogue, rules: [Rule]) {
        self.catalogue = catalogue
        self.english = english
        var byID: [String: Rule] = [:]
        for rule in rules { byID[rule.id] = rule }
        scanRules = byID
    }

    var language: Language { catalogue.language }

    // MARK: Findings

    /// The finding's message: as recorded when English, else from the catalogue.
    public func message(_ f: Finding) -> String {
        guard language != .en else { return f.message }
        return say(f.text, rule: f.ruleID) ?? f.message
    }

    /// A batch finding's message.
    public func message(_ b: BatchFinding) -> String {
        guard language != .en else { return b.message }
        return say(b.text, rule: b.rule) ?? b.message
    }

    /// `message` of `rule` in this language, its `{base}` too; nil when the catalogue lacks it.
    func say(_ said: Message, rule: String) -> String? {
        let message = reasonSaid(said)
        return catalogue.render(message) {
            let base = message.args["base"].map { Message($0, message.args) } ?? Message(rule)
            return catalogue.render(base) { nil } ?? english.render(base) { nil }
                ?? (base.key == rule ? scanRules[rule].map { $0.message ?? $0.title } : nil)
        }
    }

    /// `message` with its English `reason` replaced by the catalogue's sentence `reason_id`
    /// (``UnscannableReason``), when this language has it.
    func reasonSaid(_ message: Message) -> Message {
        guard let id = message.args["reason_id"], let reason = catalogue.text(id, message.args) else { return message }
        return Message(message.key, message.args.merging(["reason": reason]) { _, new in new })
    }

    /// What to do about the finding.
    func remediation(_ f: Finding) -> String? {
        guard language != .en else { return f.remediation }
        return catalogue.remediation(rule: f.ruleID, f.text) ?? f.remediation
    }

    // MARK: Rules

    /// A rule's short name: the catalogue's title, the scan rule's own, else the rule id.
    func title(rule: String) -> String {
        catalogue.title(rule: rule) ?? english.title(rule: rule) ?? scanRules[rule]?.title ?? rule
    }

    /// What a rule finds and why, for every finding of it (never one finding's text): the
    /// catalogue's description, else the scan rule's title and message.
    func description(rule: String) -> String {
        if let d = catalogue.description(rule: rule) { return d }
        if let r = scanRules[rule] {
            let title = catalogue.title(rule: rule) ?? r.title
            let message = catalogue.render(Message(rule)) { nil } ?? r.message
            return message.map { text("rule.description", ["title": title, "message": $0]) } ?? title
        }
        return english.description(rule: rule) ?? title(rule: rule)
    }

    /// What to do about any finding of a rule: the rule's general remediation.
    func help(rule: String) -> String? {
        catalogue.remediation(rule: rule, Message(rule)) ?? english.remediation(rule: rule, Message(rule)) ?? scanRules[rule]?.remediation
    }

    // MARK: Words and sentences

    /// The word for a machine value (`severity`, `block` → 阻断); the value itself when there is none.
    public func term(_ group: String, _ key: String) -> String {
        catalogue.term(group, key) ?? english.term(group, key) ?? key
    }

    public func severity(_ s: Severity) -> String { term("severity", s.rawValue) }

    public func decision(_ d: Decision) -> String { term("decision", d.rawValue) }

    public func disposition(_ d: Disposition?) -> String { d.map { term("disposition", $0.rawValue) } ?? "" }

    public func kind(_ k: FindingKind) -> String { term("kind", k.rawValue) }

    /// What a document brought to a finding about several documents, as the manifest records it
    /// in English words ("68 persons", operation categories), said in this language; a word with
    /// no translation stays as recorded.
    public func contribution(_ items: [String]) -> String {
        guard language != .en else { return items.joined(separator: ", ") }
        return items.map { item in
            if item.hasSuffix(" persons"), let count = Int(item.dropLast(" persons".count)) {
                return text("html.contribution_persons", ["count": String(count)])
            }
            return catalogue.term("operation", item) ?? item
        }.joined(separator: text("html.list_separator"))
    }

    /// A sentence of the reports; the English one when this language lacks it, the id when both do.
    public func text(_ id: String, _ args: [String: String] = [:]) -> String {
        catalogue.text(id, args) ?? english.text(id, args) ?? id
    }
}
