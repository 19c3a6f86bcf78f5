/// What the index gives back about the published corpus for one batch: only what the aggregation
/// rules need, and no raw personal data (names and numbers are keys).
struct CorpusContext: Sendable {
    /// A published person sharing a name key with a batch mention.
    struct Person: Sendable {
        let path: String
        let nameKey: String
        let personKey: String
        /// Visible positions of the published mask.
        let visible: Set<Int>
        let length: Int
        let attributes: Set<PersonMention.Attribute>
    }

    /// A published document's operational summary on one of the batch's days.
    struct Operation: Sendable {
        let path: String
        let summary: OperationalSummary
    }

    /// A withdrawn or purged document the batch repeats.
    struct Withdrawn: Sendable {
        let path: String
        let status: String
        let documentNumber: String?
        let textHash: String
    }

    var persons: [Person] = []
    /// The batch's names and persons as keys of this index (`name` → key, `name|masked number` → key).
    var nameKeys: [String: String] = [:]
    var personKeys: [String: String] = [:]
    /// Distinct persons published within the bulk window (other than the batch's own paths).
    var recentPersons = 0
    var recentPersonPaths: [String] = []
    var operations: [Operation] = []
    var withdrawn: [Withdrawn] = []

    init() {}
}
