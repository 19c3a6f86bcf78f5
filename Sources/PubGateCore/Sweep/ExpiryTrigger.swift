/// One expiry rule of `Rules/expiry.yaml`: what it looks at, what it does, and its thresholds.
struct ExpiryTrigger: Sendable {
    /// What a trigger looks at (the `trigger:` key).
    enum Kind: String, Sendable, CaseIterable {
        case validityStatus = "validity_status"
        case validUntil = "valid_until"
        case statedPeriod = "stated_period"
        case normativeDefaultPeriod = "normative_default_period"
        case repealedByPage = "repealed_by_page"
        /// A clean-up keeps the page in force once amended (修改后继续有效), or a page amends it.
        case amendedByPage = "amended_by_page"
        /// Another page replaces it only in part (以本…为准, one article repealed).
        case partlyReplaced = "partly_replaced"
        case interpretsRemoved = "interprets_removed"
        case publicityEnded = "publicity_ended"
        case penaltyPublicity = "penalty_publicity"
        case expiryDate = "expiry_date"
        case columnAge = "column_age"

        /// The 有效性 a page relabelled by this kind of trigger gets, unless the rule names one.
        var defaultLabel: String? {
            switch self {
            case .validityStatus: nil
            case .repealedByPage: "废止"
            case .amendedByPage: "已修改"
            default: "失效"
            }
        }
    }

    /// What happens to a page the trigger fires on.
    enum Action: String, Sendable, Codable {
        /// Archive, then remove the page (and its rendered output).
        case purge
        /// Keep the page but mark it (有效性 失效/废止/已修改) in the CMS.
        case relabel
        /// Listed for a person to decide; never applied (an ambiguous link, a partial replacement).
        case review
        /// The trigger is disabled.
        case off
    }

    let id: String
    let kind: Kind
    let action: Action
    /// The reason code written into purge.json (`validity_expired`, `superseded` …).
    let reason: String
    /// The 有效性 a relabel writes (`失效`, `废止`); nil leaves the page's own label (已修改).
    let label: String?
    /// `validity_status`: the 有效性 values that fire it.
    let values: [String]
    /// `publicity_ended`: days after the end of the 公示期 before the page goes.
    let graceDays: Int
    /// `penalty_publicity`: months a decision stays published.
    let months: Int
    /// `column_age`: column name → years.
    let columns: [String: Int]
}
