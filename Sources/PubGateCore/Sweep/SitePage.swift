/// What the sweep knows about one published page: the facts its triggers read, never its text.
struct SitePage: Sendable {
    let path: String
    /// Relative to the site root (the bag's `data/` path).
    let relativePath: String
    let sha256: String
    let bytes: Int
    let docType: DocumentType
    let title: String?
    let profile: DocumentProfile
    let metadata: PageMetadata
    let statement: ValidityStatement
    let writtenDate: SimpleDate?
    let publicity: PublicityWindow?
    let references: RepealReferences
    /// For a 解读: the document it explains, as it says so itself.
    let interprets: InterpretationTarget?
    /// The 文号 the page cites, less those it repeals, amends or replaces: what it is about, not
    /// what it retires (a 解读 of a new rule mentions the rule it replaces).
    let subjectNumbers: Set<String>

    init(_ document: ClassifiedDocument, relativePath: String, expiry: ExpiryRules, asOf: SimpleDate) {
        path = document.ingested.path
        self.relativePath = relativePath
        sha256 = document.ingested.sha256
        bytes = document.ingested.byteCount
        docType = document.docType
        title = document.title
        // The sweep reads no text hash (only the corpus index does).
        profile = DocumentProfile(document, asOf: asOf, hashingText: false)
        metadata = document.metadata
        statement = document.validity
        writtenDate = document.writtenDate
        publicity = PublicityWindow.read(
            document.normalized.utf8, published: document.metadata.publishDate ?? document.writtenDate, calendar: expiry.calendar,
            phrasebook: expiry.phrasebook)
        let references = RepealReferences(lines: document.lines, title: document.normalizedTitle, phrasebook: expiry.phrasebook)
        self.references = references
        let retired = references.repealed.map(\.document) + references.amended + references.partlyReplaced
        subjectNumbers = profile.citedNumbers.subtracting(retired.compactMap(\.number))
        interprets = document.docType == .interpretation ? InterpretationTarget.of(document, citedNumbers: subjectNumbers) : nil
    }

    /// The date the page is known by: 发布日期, else 成文日期.
    var date: SimpleDate? { metadata.publishDate ?? writtenDate }

    /// The day the page's own provisions take effect: its 施行 date, else its date.
    var effectiveDate: SimpleDate? { statement.effectiveDate ?? metadata.effectiveDate ?? date }
}
