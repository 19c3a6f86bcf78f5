/// Stage 5 (decide): maps a document's findings to approve or reject and a disposition.
///
/// Strict by default (domain-spec MANIFESTS): any finding of severity `block`, `review` or `fix`
/// rejects; `warn` and `info` are reported but do not stop approval. The disposition is the
/// strictest one any finding calls for.
public struct DecisionPolicy: Sendable {
    public init() {}

    public func decide(_ findings: [Finding]) -> (Decision, Disposition?) {
        let strictest = findings.map(\.severity).max()
        guard let strictest, let disposition = Disposition(severity: strictest) else { return (.approve, nil) }
        return (.reject, disposition)
    }
}
