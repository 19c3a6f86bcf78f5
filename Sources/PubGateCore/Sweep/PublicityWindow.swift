import BytesKit
import PCRE2Kit

/// The 公示期 of a publicity page (docs/domain.md §9 E-03), as the phrasings of `Rules/expiry.yaml`
/// read it: dates (`公示期：2025年5月6日至2025年5月12日`, `公示时间：…——…`), a length counted
/// from publication (`公示期为7个工作日`, `进行公示（5个工作日）`), or the last day objections are
/// taken (`请于4月21日前…反映`). Only these statements count; other dates in prose do not.
struct PublicityWindow: Sendable, Codable, Hashable {
    /// The last day of publicity.
    let lastDay: SimpleDate
    /// How it was found: `range`, `days_from_publication` or `objection_deadline`.
    let basis: String

    private static let keyword = Array("公示".utf8)

    /// Reads the window from normalized text; `published` anchors a window given as a length and
    /// supplies a year the text leaves out.
    static func read(
        _ text: [UInt8], published: SimpleDate?, calendar: WorkdayCalendar, phrasebook: ValidityPhrasebook
    ) -> PublicityWindow? {
        guard LiteralSearch.contains(keyword, in: text) else { return nil }
        if let m = phrasebook.first(.publicityRange, in: text) {
            let startYear = m.number("y") ?? published?.year
            if let end = m.date(suffix: "2", year: startYear) { return PublicityWindow(lastDay: end, basis: "range") }
        }
        if let m = phrasebook.first(.publicityLength, in: text), let n = m.number("n"), n > 0, let published {
            let workdays = m.captured["unit"]?.contains("工作日") ?? false
            let last = workdays ? calendar.lastDay(ofWorkdays: n, from: published) : published.adding(days: n - 1)
            return PublicityWindow(lastDay: last, basis: "days_from_publication")
        }
        if let m = phrasebook.first(.publicityDeadline, in: text), let d = m.date(fallbackYear: published?.year) {
            return PublicityWindow(lastDay: d, basis: "objection_deadline")
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case lastDay = "last_day"
        case basis
    }
}
