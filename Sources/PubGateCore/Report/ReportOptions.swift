/// How a review's reports are written: the language they speak, the lowest severity they show, and
/// the limits that keep them usable at 10,000 documents.
///
/// The decision never depends on these: a document is rejected for its findings whether or not a
/// report shows them, and `manifest.json` (the record the decision rests on) keeps every finding.
public struct ReportOptions: Sendable {
    public var text: ReportText
    /// The lowest severity the reports show; nil: every format's own default (everything, but
    /// SARIF leaves out `info`, which code scanning would show as thousands of notes).
    var minSeverity: Severity?
    /// Results per SARIF run (GitHub code scanning rejects a run with more).
    var sarifMaxResults: Int
    /// Rejected documents the human summary names one by one before it counts the rest.
    var summaryLimit: Int

    public static let githubMaxResults = 25_000

    public init(text: ReportText = ReportText(.zh), minSeverity: Severity? = nil, sarifMaxResults: Int = githubMaxResults, summaryLimit: Int = 20) {
        self.text = text
        self.minSeverity = minSeverity
        self.sarifMaxResults = sarifMaxResults
        self.summaryLimit = summaryLimit
    }

    /// The lowest severity a format shows.
    func minimum(for format: ReportFormat) -> Severity {
        minSeverity ?? (format == .sarif ? .warn : .info)
    }

    /// Whether a finding of `severity` is shown by `format`.
    func shows(_ severity: Severity, in format: ReportFormat) -> Bool {
        severity >= minimum(for: format)
    }
}
