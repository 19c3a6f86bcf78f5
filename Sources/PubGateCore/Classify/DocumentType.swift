/// What kind of publication a document is (domain-spec §1.1); rules and checks depend on it.
public enum DocumentType: String, Sendable, Codable, CaseIterable {
    case normative
    case policy
    case interpretation
    case proposalReply = "proposal_reply"
    case penalty
    case licence
    case publicity
    case notice
    case consultation
    case wanted
    case foiReply = "foi_reply"
    case news
    case other
}
