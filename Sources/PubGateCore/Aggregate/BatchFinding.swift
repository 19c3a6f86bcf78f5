import Foundation

/// A finding about several documents together (the manifest's `batch_findings`): which rule, and
/// what each document contributed. Every contributing document also carries it as a finding.
public struct BatchFinding: Sendable, Codable, Hashable {
    public let rule: String
    public let kind: FindingKind
    public let severity: Severity
    /// Masked: names appear as 陈**, numbers never in full. English; `messageKey` and `messageArgs`
    /// let reports say it in their language.
    let message: String
    let messageKey: String
    let messageArgs: [String: String]
    /// Paths of the contributing documents, in batch order.
    public let paths: [String]
    /// Per path, what it contributed (attribute classes, categories, person counts).
    public let contributions: [String: [String]]
    /// Corpus documents (from the index) that contributed, by path.
    public let corpus: [String]
    /// The assembled profile, masked: one line per person or category (`pubgate explain` prints it).
    public let details: [String]

    init(
        rule: String, kind: FindingKind, severity: Severity, text: Message, paths: [String], contributions: [String: [String]],
        corpus: [String] = [], details: [String] = []
    ) {
        self.rule = rule
        self.kind = kind
        self.severity = severity
        self.message = MessageCatalogues.english.render(text) { nil } ?? text.key
        self.messageKey = text.key
        self.messageArgs = text.args
        self.paths = paths
        self.contributions = contributions
        self.corpus = corpus
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case rule, kind, severity, message, paths, contributions, corpus, details
        case messageKey = "message_id"
        case messageArgs = "message_args"
    }

    /// The catalogue message of the finding.
    var text: Message { Message(messageKey, messageArgs) }

    /// How many of the other documents a document's own finding names; the batch finding lists them
    /// all. Naming every other document in each one's finding made a 2,750-document A-03 finding
    /// quadratic: 24 s and 160 MB of messages in a 1 GB batch.
    static let namedOthers = 5

    /// The finding each contributing document carries.
    func finding(for path: String) -> Finding {
        let total = paths.count - (paths.contains(path) ? 1 : 0) + corpus.count
        var others: [String] = []
        for p in paths where p != path {
            guard others.count < Self.namedOthers else { break }
            others.append((p as NSString).lastPathComponent)
        }
        for p in corpus where others.count < Self.namedOthers { others.append(p) }
        var args = messageArgs
        args["base"] = messageKey
        let contribution = contributions[path]?.joined(separator: ", ") ?? ""
        args["contribution"] = contribution
        args["others"] = others.joined(separator: ", ")
        args["more"] = String(total - others.count)
        let more = total > others.count
        // A document with no contribution of its own recorded says only whom it is with.
        let text: Message
        switch (contribution.isEmpty, others.isEmpty) {
        case (false, true): text = Message("shared.batch_document", args)
        case (false, false): text = more ? Message("shared.batch_document_with_more", args) : Message("shared.batch_document_with", args)
        case (true, true): text = Message("shared.batch_alone", args)
        case (true, false): text = more ? Message("shared.batch_with_more", args) : Message("shared.batch_with", args)
        }
        return Finding(ruleID: rule, kind: kind, severity: severity, text: text, sources: ["S2", "S3", "S30"], base: message)
    }
}
