/// What the decide stage concluded about one document: the findings that count, those a
/// suppression accepted, and the decision they make under the policy.
public struct Verdict: Sendable {
    /// Sorted by line, column, then rule id.
    public internal(set) var findings: [Finding]
    /// Findings accepted by a suppression, with it (not counted for the decision).
    public internal(set) var suppressed: [SuppressedFinding]
    public internal(set) var decision: Decision
    /// Nil when approved.
    public internal(set) var disposition: Disposition?
}
