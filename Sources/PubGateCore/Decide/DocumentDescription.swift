import EncodingKit

/// What a document is, as its manifest entry shows it: everything but what was found and decided.
/// Each way a review can end builds its facts here — a file that could not be read, one that
/// could not be decoded, a site asset, a document — so ``DocumentReview`` is made in one place.
struct DocumentDescription: Sendable {
    var path: String
    var sha256: String
    var bytes: Int
    var format: DocumentFormat
    var encoding: TextEncoding?
    var docType: DocumentType?
    var title: String?
    var attribute: String?
    var attributeDetail: AttributeAssessment?
    var documentNumber: String?
    var elements: DocumentElements?
    var metadata: PageMetadata?
    var validity: ValidityStatement?
    var expiry: ValidityTerm?
    var attachments: [String]?
    var role: DocumentRole?

    /// A file that could not be read at all.
    static func unreadable(path: String) -> DocumentDescription {
        DocumentDescription(path: path, sha256: "", bytes: 0, format: .unknown)
    }

    /// A file read but not decoded or opened: its bytes are known, nothing else.
    static func unscannable(_ ingested: IngestedDocument, shown: String) -> DocumentDescription {
        DocumentDescription(path: shown, sha256: ingested.sha256, bytes: ingested.byteCount, format: ingested.format)
    }

    /// A site asset: scanned for leaks, not judged as a document.
    static func asset(_ classified: ClassifiedDocument, shown: String, masked: ElementMasking) -> DocumentDescription {
        let ingested = classified.ingested
        var facts = DocumentDescription(path: shown, sha256: ingested.sha256, bytes: ingested.byteCount, format: ingested.format)
        facts.encoding = ingested.encoding
        facts.title = masked.title(classified.title)
        facts.role = .asset
        return facts
    }

    /// A document: what classify found, masked as every output shows it.
    static func document(
        _ classified: ClassifiedDocument, shown: String, masked: ElementMasking, assessment: AttributeAssessment?,
        normativeDefaults: Settings.PublicationSettings.Normative, attachments: [String]
    ) -> DocumentDescription {
        let ingested = classified.ingested
        var facts = DocumentDescription(path: shown, sha256: ingested.sha256, bytes: ingested.byteCount, format: ingested.format)
        facts.encoding = ingested.encoding
        facts.docType = classified.docType
        facts.title = masked.title(classified.title)
        facts.attribute = classified.attributeSummary
        facts.attributeDetail = assessment
        facts.documentNumber = masked.documentNumber(classified.documentNumber?.canonical)
        facts.elements = masked.elements(classified.elements)
        facts.metadata = masked.metadata(classified.metadata)
        facts.validity = classified.validity
        facts.expiry = ValidityTerm.of(
            classified.validity, effectiveDate: classified.metadata.effectiveDate, writtenDate: classified.writtenDate,
            defaults: classified.docType == .normative ? normativeDefaults : nil)
        if !attachments.isEmpty { facts.attachments = attachments.map(DisplayPath.of) }
        return facts
    }
}
