import EncodingKit

/// What a document is, as its manifest entry shows it: everything but what was found and decided.
/// Each way a review can end builds its facts here — a file that could not be read, one that
/// could not be decoded, a site asset, a document — so ``DocumentReview`` is made in one place.
public struct DocumentDescription: Sendable {
    public var path: String
    public var sha256: String
    public var bytes: Int
    public var format: DocumentFormat
    public var encoding: TextEncoding?
    public var docType: DocumentType?
    public var title: String?
    public var attribute: String?
    public var attributeDetail: AttributeAssessment?
    public var documentNumber: String?
    public var elements: DocumentElements?
    public var metadata: PageMetadata?
    public var validity: ValidityStatement?
    public var expiry: ValidityTerm?
    public var attachments: [String]?
    public var role: DocumentRole?

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
