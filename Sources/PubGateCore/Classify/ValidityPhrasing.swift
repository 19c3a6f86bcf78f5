import PCRE2Kit

/// One way sites write about a document's validity, a rule of `Rules/expiry.yaml` (`phrasings:`):
/// when it takes effect, how long it runs, that another document repeals, renews or amends it,
/// when a 公示 ends. Kept as data because every site words these a little differently, and each
/// rule carries the examples that show what it reads.
public struct ValidityPhrasing: Sendable {
    /// What a match says; the named groups each kind reads are listed in `groups`.
    enum Kind: String, Sendable, CaseIterable {
        /// The 施行 date (`y`, `m`, `d`).
        case effectiveDate = "effective_date"
        /// In force from the day it is issued, or `days` after it.
        case effectiveOnIssue = "effective_on_issue"
        /// A period in `years`.
        case period
        /// Valid through a day (`y`, `m`, `d`).
        case validUntil = "valid_until"
        /// A sentence that repeals the documents it names (from `y`, `m`, `d` when given).
        case repeal
        /// A sentence that repeals nothing, whatever else it says (修改, 继续有效, 不予废止).
        case keep
        /// A sentence that amends the documents it names (关于修改《…》的决定).
        case amend
        /// A sentence that replaces the named documents only in part (以本…为准, 第三条废止): a person decides.
        case partial
        /// A heading or a line introducing a list whose items are repealed or declared 失效.
        case repealSection = "repeal_section"
        /// … whose items stay in force (继续有效).
        case renewSection = "renew_section"
        /// … whose items stay in force once amended (修改后继续有效, 予以修订).
        case amendSection = "amend_section"
        /// Inside a renewal: the new end of validity (`y`, `m`, `d`).
        case renewedUntil = "renewed_until"
        /// Inside a renewal: the period starts again from the clean-up (重新计算有效期).
        case restart
        /// A 公示期 given as dates: the last day (`m2`, `d2`, year `y2` or `y`, else the publication's).
        case publicityRange = "publicity_range"
        /// A 公示期 given as a length from publication: `n` days, working days when `unit` says 工作日.
        case publicityLength = "publicity_length"
        /// The last day objections are taken (`m`, `d`, year `y` or the publication's).
        case publicityDeadline = "publicity_deadline"

        /// Sentence and heading kinds read the text with the words inside 《》 and brackets blanked
        /// (``RepealReferences/masked(_:)``): a cited title does not speak for the page.
        var readsMaskedText: Bool {
            switch self {
            case .repeal, .keep, .partial, .amend, .repealSection, .renewSection, .amendSection, .renewedUntil, .restart: true
            default: false
            }
        }

        /// Named groups a pattern of this kind must define.
        var requiredGroups: [String] {
            switch self {
            case .effectiveDate, .validUntil, .renewedUntil: ["y", "m", "d"]
            case .period: ["years"]
            case .publicityRange: ["m2", "d2"]
            case .publicityLength: ["n", "unit"]
            case .publicityDeadline: ["m", "d"]
            default: []
            }
        }

        /// Named groups a pattern of this kind may define.
        var optionalGroups: [String] {
            switch self {
            case .effectiveOnIssue: ["days"]
            case .repeal: ["y", "m", "d"]
            case .publicityRange: ["y", "y2"]
            case .publicityDeadline: ["y"]
            default: []
            }
        }
    }

    let id: String
    let kind: Kind
    let regex: PCRE2Regex
    /// Group name → group number, for the groups the kind reads.
    let groups: [String: Int]

}

/// Where a phrasing matched, and what its named groups captured (normalized text).
struct PhrasingMatch: Sendable {
    let phrasing: ValidityPhrasing
    /// Byte range of the whole match.
    let range: Range<Int>
    let captured: [String: String]

    /// The number a group captured (ASCII or Chinese numerals).
    func number(_ group: String) -> Int? {
        captured[group].flatMap { ChineseNumber.value($0) }
    }

    /// The date of groups `y`/`m`/`d` (with a suffix, `y2`/`m2`/`d2`), the year defaulting to
    /// `year` and then to `fallbackYear` when the text leaves it out.
    func date(suffix: String = "", year: Int? = nil, fallbackYear: Int? = nil) -> SimpleDate? {
        guard let m = number("m" + suffix), let d = number("d" + suffix),
            let y = number("y" + suffix) ?? year ?? fallbackYear
        else { return nil }
        return SimpleDate(year: y, month: m, day: d)
    }
}
