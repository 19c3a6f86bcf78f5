/// A finding a person decided to accept, and why: an inline `pubgate:allow RULE_ID reason` in the
/// document, or an entry of the baseline file. Listed in the report with who added it and when
/// (the suppression audit), so accepting a finding is never silent.
public struct Suppression: Sendable, Codable, Hashable {
    public enum Source: String, Sendable, Codable {
        case inline, baseline
    }

    public let source: Source
    public let rule: String
    public let reason: String
    /// Inline: the line of the `pubgate:allow`; baseline: nil.
    public let line: Int?
    /// From `git blame` (inline) or the baseline entry.
    public var author: String?
    public var date: String?

    init(source: Source, rule: String, reason: String, line: Int?, author: String? = nil, date: String? = nil) {
        self.source = source
        self.rule = rule
        self.reason = reason
        self.line = line
        self.author = author
        self.date = date
    }
}

/// A finding with the suppression that accepted it (the manifest's `suppressed`).
public struct SuppressedFinding: Sendable, Codable {
    public let finding: Finding
    public let suppression: Suppression
}

/// A suppression nothing matched in this run (`stale_suppressions`): the finding it accepted is gone.
public struct StaleSuppression: Sendable, Codable, Hashable {
    public let path: String
    public let suppression: Suppression
}
