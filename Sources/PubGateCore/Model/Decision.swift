/// The outcome for one document.
public enum Decision: String, Sendable, Codable {
    /// No automated findings that stop publication: ready for human sign-off, not yet published.
    case approve
    case reject
}

/// What a rejected document needs before it may be published, strictest first.
public enum Disposition: String, Sendable, Codable {
    /// Must not be published.
    case block
    /// A named human must decide (referral to the 保密 authority where the law says so).
    case review
    /// The author can correct it.
    case fix

    /// The disposition a finding of `severity` calls for, or nil when it does not stop approval.
    init?(severity: Severity) {
        switch severity {
        case .block: self = .block
        case .review: self = .review
        case .fix: self = .fix
        case .warn, .info: return nil
        }
    }

    /// The severity of a finding that calls for this disposition (a page carrying a rejected
    /// attachment is held as strictly as the attachment).
    var severity: Severity {
        switch self {
        case .block: .block
        case .review: .review
        case .fix: .fix
        }
    }
}
