/// What the decide stage concluded about one document: the findings that count, those a
/// suppression accepted, and the decision they make under the policy.
struct Verdict: Sendable {
    /// Sorted by line, column, then rule id.
    var findings: [Finding]
    /// Findings accepted by a suppression, with it (not counted for the decision).
    var suppressed: [SuppressedFinding]
    var decision: Decision
    /// Nil when approved.
    var disposition: Disposition?
}
