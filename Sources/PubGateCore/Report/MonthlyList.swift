import Foundation

/// The monthly list of 主动公开 公文 (条例 Art. 23–25, M-MONTHLY): what a 政务公开 office submits
/// each month to the archive and the library — 文号, 标题, 成文日期, 发布日期 and where it is.
public struct MonthlyList: Sendable, Codable {
    public struct Entry: Sendable, Codable, Equatable {
        let documentNumber: String?
        let title: String
        let writtenDate: SimpleDate?
        let publishDate: SimpleDate
        let path: String

        enum CodingKeys: String, CodingKey {
            case documentNumber = "document_number"
            case title
            case writtenDate = "written_date"
            case publishDate = "publish_date"
            case path
        }
    }

    /// `YYYY-MM`.
    public let month: String
    /// By 发布日期, then path.
    public let documents: [Entry]
    /// 主动公开 公文 without a 发布日期: they cannot be placed in a month and need one.
    public let undated: [String]

    /// Selects the 主动公开 公文 published in `year`-`month` from classified documents. Titles,
    /// 文号 and paths are masked as in every report: the list is sent on, and a title can carry
    /// the number a notice is about.
    public init(year: Int, month: Int, documents: [ClassifiedDocument]) {
        self.month = String(format: "%04d-%02d", year, month)
        var entries: [Entry] = []
        var undated: [String] = []
        for d in documents where d.attributeSummary == DisclosureAttribute.active.rawValue {
            guard d.documentNumber != nil || d.elements.isGongwen else { continue }
            guard let published = d.metadata.publishDate else {
                undated.append(DisplayPath.of(d.ingested.path))
                continue
            }
            guard published.year == year, published.month == month else { continue }
            entries.append(
                Entry(
                    documentNumber: (d.documentNumber?.written ?? d.metadata.documentNumber).map { ElementMasking.maskDigitRuns($0) },
                    title: ElementMasking.maskText(d.title ?? ""), writtenDate: d.writtenDate, publishDate: published,
                    path: DisplayPath.of(d.ingested.path)))
        }
        self.documents = entries.sorted { ($0.publishDate, $0.path) < ($1.publishDate, $1.path) }
        self.undated = undated.sorted()
    }

    /// CSV with a header row and a UTF-8 BOM (spreadsheet programs then read the Chinese correctly).
    public var csv: String {
        var lines = ["文号,标题,成文日期,发布日期,路径"]
        for e in documents {
            lines.append(
                [e.documentNumber ?? "", e.title, e.writtenDate?.description ?? "", e.publishDate.description, e.path]
                    .map(CSV.quote).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
