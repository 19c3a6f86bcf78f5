import EncodingKit
import Foundation

/// One document's entry in the manifest: what it is (``DocumentDescription``), what was found and what
/// was decided (the decide stage's ``Verdict``). A record only: the decisions are ``DecideStage``'s.
public struct DocumentReview: Sendable, Codable {
    public let path: String
    let sha256: String
    let bytes: Int
    let format: DocumentFormat
    /// Nil when the file could not be decoded.
    let encoding: TextEncoding?
    public let docType: DocumentType?
    let title: String?
    /// The declared 公开属性 (one value), `conflict` or `missing`; nil when unscannable.
    public let attribute: String?
    /// Declared, implied and effective attribute with their evidence.
    public let attributeDetail: AttributeAssessment?
    /// Canonical 文号.
    let documentNumber: String?
    let elements: DocumentElements?
    let metadata: PageMetadata?
    let validity: ValidityStatement?
    /// When the document stops being valid (stated, or the default for a 规范性文件).
    let expiry: ValidityTerm?
    public private(set) var decision: Decision
    /// Nil when approved.
    public private(set) var disposition: Disposition?
    /// Sorted by line, column, then rule id.
    public private(set) var findings: [Finding]
    /// Findings accepted by a suppression, with it (not counted for the decision).
    public private(set) var suppressed: [SuppressedFinding]
    /// Files a page links as attachments (附件), as paths beside the page's own; reviewed with it.
    /// Nil for documents that link none.
    let attachments: [String]?
    /// `asset` for a site asset (scanned for leaks, not judged as a document); nil for a document.
    public let role: DocumentRole?
    /// The document's `pubgate:allow` lines (applied once every finding is known).
    var inlineAllows: [InlineSuppressions.Allow] = []

    /// The one way a review is made: a document's facts and the decide stage's verdict.
    init(_ facts: DocumentDescription, verdict: Verdict, inlineAllows: [InlineSuppressions.Allow] = []) {
        path = facts.path
        sha256 = facts.sha256
        bytes = facts.bytes
        format = facts.format
        encoding = facts.encoding
        docType = facts.docType
        title = facts.title
        attribute = facts.attribute
        attributeDetail = facts.attributeDetail
        documentNumber = facts.documentNumber
        elements = facts.elements
        metadata = facts.metadata
        validity = facts.validity
        expiry = facts.expiry
        attachments = facts.attachments
        role = facts.role
        findings = verdict.findings
        suppressed = verdict.suppressed
        decision = verdict.decision
        disposition = verdict.disposition
        self.inlineAllows = inlineAllows
    }

    /// What the decide stage concluded, as recorded.
    var verdict: Verdict {
        Verdict(findings: findings, suppressed: suppressed, decision: decision, disposition: disposition)
    }

    /// Records a later verdict of the decide stage (aggregation, suppressions, attachments).
    mutating func record(_ verdict: Verdict) {
        findings = verdict.findings
        suppressed = verdict.suppressed
        decision = verdict.decision
        disposition = verdict.disposition
    }

    /// In the order of the JSON keys, so the manifest writer never has to reorder an entry.
    enum CodingKeys: String, CodingKey {
        case attachments, attribute
        case attributeDetail = "attribute_detail"
        case bytes, decision, disposition
        case docType = "doc_type"
        case documentNumber = "document_number"
        case elements, encoding, expiry, findings, format, metadata, path, role, sha256, suppressed, title, validity
    }
}
