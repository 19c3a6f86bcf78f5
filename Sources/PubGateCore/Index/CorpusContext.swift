/// What the index gives back about the published corpus for one batch: only what the aggregation
/// rules need, and no raw personal data (names and numbers are keys).
public struct CorpusContext: Sendable {
    /// A published person sharing a name key with a batch mention.
    public struct Person: Sendable {
        public let path: String
        public let nameKey: String
        public let personKey: String
        /// Visible positions of the published mask.
        public let visible: Set<Int>
        public let length: Int
        public let attributes: Set<PersonMention.Attribute>
    }

    /// A published document's operational summary on one of the batch's days.
    public struct Operation: Sendable {
        public let path: String
        public let summary: OperationalSummary
    }

    /// A withdrawn or purged document the batch repeats.
    public struct Withdrawn: Sendable {
        public let path: String
        public let status: String
        public let documentNumber: String?
        public let textHash: String
    }

    public var persons: [Person] = []
    /// The batch's names and persons as keys of this index (`name` → key, `name|masked number` → key).
    public var nameKeys: [String: String] = [:]
    public var personKeys: [String: String] = [:]
    /// Distinct persons published within the bulk window (other than the batch's own paths).
    public var recentPersons = 0
    public var recentPersonPaths: [String] = []
    public var operations: [Operation] = []
    public var withdrawn: [Withdrawn] = []

    public init() {}
}
