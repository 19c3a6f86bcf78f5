/// A fact about a document's content that bears on whether it may be published.
///
/// Findings never hold the matched text unless the user asked for it (`--show-matches`):
/// `masked` is what reports show.
public struct Finding: Sendable, Codable, Hashable {
    public var ruleID: String
    public var kind: FindingKind
    public var severity: Severity
    var message: String
    /// Where the text came from (`body`, `comment`, `attribute` …).
    var part: ContentPart
    /// Nil for document-level findings (a missing attribute, an unreadable file).
    public var location: SourceLocation?
    /// The matched text with the sensitive middle masked.
    public var masked: String?
    /// A short stretch of surrounding text, with the match and every digit in it masked.
    var excerpt: String?
    /// The unmasked match; only filled with `--show-matches`.
    public var match: String?
    /// Legal source ids from docs/domain.md §0 (`S25`, …).
    var sources: [String]
    var remediation: String?
    /// The catalogue key of `message` when it is not the rule's own message (``Message``); with
    /// `messageArgs`, what lets a report say the finding in its own language. `message` is the English.
    var messageKey: String?
    /// The values of the message's placeholders.
    var messageArgs: [String: String]
    /// The natural person's name a case finding flags, in full, kept in memory only (never encoded)
    /// so that the review can mask it wherever its outputs repeat the page: titles, elements and
    /// the excerpts of other findings (``NameMasking``).
    var personName: String?

    init(
        ruleID: String, kind: FindingKind, severity: Severity, message: String, part: ContentPart = .body,
        location: SourceLocation? = nil, masked: String? = nil, excerpt: String? = nil, match: String? = nil,
        sources: [String] = [], remediation: String? = nil
    ) {
        self.ruleID = ruleID
        self.kind = kind
        self.severity = severity
        self.message = message
        self.part = part
        self.location = location
        self.masked = masked
        self.excerpt = excerpt
        self.match = match
        self.sources = sources
        self.remediation = remediation
        self.messageKey = nil
        self.messageArgs = [:]
    }

    /// A finding whose text is a catalogue message: `message` and `remediation` are its English
    /// (`Rules/messages/en.yaml`), unless `remediation` is given. `base` is the English text a shared
    /// message wraps (a scan rule's own message).
    init(
        ruleID: String, kind: FindingKind, severity: Severity, text: Message, part: ContentPart = .body,
        location: SourceLocation? = nil, masked: String? = nil, excerpt: String? = nil, match: String? = nil,
        sources: [String] = [], remediation: String? = nil, base: String? = nil
    ) {
        self.init(
            ruleID: ruleID, kind: kind, severity: severity, message: "", part: part, location: location, masked: masked, excerpt: excerpt,
            match: match, sources: sources, remediation: remediation)
        say(text, base: base)
        if remediation == nil { self.remediation = MessageCatalogues.english.remediation(rule: ruleID, text) }
    }

    /// Makes `text` the finding's message (English rendered now; the key and arguments kept for the
    /// reports). `base`: the English a shared message wraps, by default the current message.
    mutating func say(_ text: Message, base: String? = nil) {
        let previous = message
        message = MessageCatalogues.english.render(text) { base ?? previous } ?? text.key
        messageKey = text.key == ruleID ? nil : text.key
        messageArgs = text.args
    }

    /// The catalogue message this finding says.
    var text: Message { Message(messageKey ?? ruleID, messageArgs) }

    /// The English a shared message wraps (`{base}`: the rule's own message), read back from
    /// `message`; the message itself for any other finding.
    var wrappedMessage: String {
        guard text.isShared, let (before, after) = MessageCatalogues.english.around(text),
            message.hasPrefix(before), message.hasSuffix(after), message.count >= before.count + after.count
        else { return message }
        return String(message.dropFirst(before.count).dropLast(after.count))
    }

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule"
        case kind, severity, message, part, location
        case masked = "text"
        case excerpt, match, sources, remediation
        case messageKey = "message_id"
        case messageArgs = "message_args"
        case line, column
    }

    /// Members in the order of their JSON keys. The manifest writes findings itself, in this order
    /// (``PrettyJSONEncoder``; a test holds the two to the same bytes).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(location?.column, forKey: .column)
        try c.encodeIfPresent(excerpt, forKey: .excerpt)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(location?.line, forKey: .line)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encodeIfPresent(match, forKey: .match)
        try c.encode(message, forKey: .message)
        if !messageArgs.isEmpty { try c.encode(messageArgs, forKey: .messageArgs) }
        try c.encodeIfPresent(messageKey, forKey: .messageKey)
        try c.encode(part, forKey: .part)
        try c.encodeIfPresent(remediation, forKey: .remediation)
        try c.encode(ruleID, forKey: .ruleID)
        try c.encode(severity, forKey: .severity)
        if !sources.isEmpty { try c.encode(sources, forKey: .sources) }
        try c.encodeIfPresent(masked, forKey: .masked)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ruleID = try c.decode(String.self, forKey: .ruleID)
        kind = try c.decode(FindingKind.self, forKey: .kind)
        severity = try c.decode(Severity.self, forKey: .severity)
        message = try c.decode(String.self, forKey: .message)
        part = try c.decode(ContentPart.self, forKey: .part)
        location = try c.decodeIfPresent(SourceLocation.self, forKey: .location)
        masked = try c.decodeIfPresent(String.self, forKey: .masked)
        excerpt = try c.decodeIfPresent(String.self, forKey: .excerpt)
        match = try c.decodeIfPresent(String.self, forKey: .match)
        sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? []
        remediation = try c.decodeIfPresent(String.self, forKey: .remediation)
        messageKey = try c.decodeIfPresent(String.self, forKey: .messageKey)
        messageArgs = try c.decodeIfPresent([String: String].self, forKey: .messageArgs) ?? [:]
    }
}
