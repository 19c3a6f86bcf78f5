import BytesKit

/// What a document says about when it takes effect and how long it stays valid (docs/domain.md §7.1).
///
/// Read from the normalized body by the phrasings of `Rules/expiry.yaml` (`自2025年8月1日起施行`,
/// `自印发之日起施行`, `有效期5年`, `有效期至2027年12月31日` and the other ways sites word them), and
/// 暂行/试行 in the title. The normative checks require it, and the
/// expiry sweep computes a page's end of validity from it.
struct ValidityStatement: Sendable, Codable, Hashable {
    /// The stated effective date, if a date is given.
    var effectiveDate: SimpleDate?
    /// True for `自印发之日起施行` (effective from the 成文日期).
    var effectiveOnIssue = false
    /// `自发布之日起30日后施行`: effective that many days after the 成文日期.
    var daysAfterIssue: Int?
    /// `有效期N年`.
    var years: Int?
    /// `有效期至…`.
    var validUntil: SimpleDate?
    /// 暂行 / 试行 in the title: a shorter default period applies.
    var isTrial = false

    init() {}

    /// Reads the statement from normalized text with the validity phrasings of `Rules/expiry.yaml`:
    /// the first 施行 date stated, else effect on issue; the first period; the first 有效期至.
    init(normalized text: [UInt8], title: String?, phrasebook: ValidityPhrasebook) {
        if let m = phrasebook.first(.effectiveDate, in: text), let d = m.date() {
            effectiveDate = d
        } else if let m = phrasebook.first(.effectiveOnIssue, in: text) {
            effectiveOnIssue = true
            daysAfterIssue = m.number("days").flatMap { $0 > 0 ? $0 : nil }
        }
        years = phrasebook.first(.period, in: text)?.number("years").flatMap { $0 > 0 ? $0 : nil }
        validUntil = phrasebook.first(.validUntil, in: text)?.date()
        // Foundation's search (canonical equivalence) finds 暂行 or 试行 only where 暂 or 试 itself
        // is written (no other character or sequence is equivalent to either): a title holding
        // neither is not searched.
        isTrial =
            title.map { t in
                (LiteralSearch.contains("暂", in: t) || LiteralSearch.contains("试", in: t)) && (t.contains("暂行") || t.contains("试行"))
            } ?? false
    }

    init(text: String, title: String?, phrasebook: ValidityPhrasebook) {
        self.init(normalized: Array(Normalizer.normalized(text).utf8), title: title, phrasebook: phrasebook)
    }

    /// True when the document states an effective date (or effect on issue).
    var statesEffectiveDate: Bool { effectiveDate != nil || effectiveOnIssue }

    /// True when the document states a period or an end date.
    var statesPeriod: Bool { years != nil || validUntil != nil }

    enum CodingKeys: String, CodingKey {
        case effectiveDate = "effective_date"
        case effectiveOnIssue = "effective_on_issue"
        case daysAfterIssue = "days_after_issue"
        case years
        case validUntil = "valid_until"
        case isTrial = "trial"
    }
}
