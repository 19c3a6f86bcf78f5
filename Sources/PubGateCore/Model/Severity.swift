/// How serious a finding is; the decision policy maps severities to approve or reject.
///
/// `block`: must not be published. `review`: a named human must decide (docs/domain.md: review).
/// `fix`: the author can correct it. `warn` and `info` are reported but do not stop approval.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warn, fix, review, block

    private var rank: Int {
        switch self {
        case .info: 0
        case .warn: 1
        case .fix: 2
        case .review: 3
        case .block: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
