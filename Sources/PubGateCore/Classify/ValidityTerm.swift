/// When a document stops being valid, and how that date was worked out (docs/domain.md §7.1).
///
/// An explicit 有效期至 wins (valid through that day); else the effective date (施行日期, or the
/// 成文日期 for 自印发之日起施行 or when none is stated) plus the stated period; else, for a
/// 规范性文件, the default period (5 years, 2 for 暂行/试行) — `defaults` is nil for other types.
/// The review reports it; the expiry
/// sweep purges a page once the review date reaches `expiresOn`.
struct ValidityTerm: Sendable, Codable, Hashable {
    /// The first day the document is no longer valid.
    let expiresOn: SimpleDate
    /// `valid_until`, `stated_period`, `default_period` or `default_trial_period`.
    let basis: String
    /// `effective_date` or `written_date` (nil for `valid_until`).
    let countedFrom: String?

    /// The term of a document, or nil when it states none and no default applies.
    /// `validUntil` (a renewal, or the page's metadata) wins over the statement's own 有效期至.
    static func of(
        _ statement: ValidityStatement, validUntil: SimpleDate? = nil, effectiveDate metadataEffective: SimpleDate?,
        writtenDate: SimpleDate?, defaults: Settings.PublicationSettings.Normative?
    ) -> ValidityTerm? {
        if let until = validUntil ?? statement.validUntil {
            return ValidityTerm(expiresOn: until.adding(days: 1), basis: "valid_until", countedFrom: nil)
        }
        let effective = statement.effectiveDate ?? metadataEffective
        // 自发布之日起30日后施行: the days after issue are part of the wait, not of the period.
        let start = effective ?? writtenDate.map { $0.adding(days: statement.daysAfterIssue ?? 0) }
        guard let start else { return nil }
        let from = effective != nil ? "effective_date" : "written_date"
        // Outside a 规范性文件, a period counts only beside a 施行 sentence: "身份证有效期5年" is prose.
        if let years = statement.years, defaults != nil || statement.statesEffectiveDate {
            return ValidityTerm(expiresOn: start.adding(years: years), basis: "stated_period", countedFrom: from)
        }
        guard let defaults else { return nil }
        let years = statement.isTrial ? defaults.trialYears : defaults.defaultYears
        return ValidityTerm(
            expiresOn: start.adding(years: years), basis: statement.isTrial ? "default_trial_period" : "default_period",
            countedFrom: from)
    }

    enum CodingKeys: String, CodingKey {
        case expiresOn = "expires_on"
        case basis
        case countedFrom = "counted_from"
    }
}
