import EncodingKit

/// One document's entry in the manifest: what it is, what was found and what was decided.
public struct DocumentReview: Sendable, Codable {
    public let path: String
    public let sha256: String
    public let bytes: Int
    public let format: DocumentFormat
    /// Nil when the file could not be decoded.
    public let encoding: TextEncoding?
    public let docType: DocumentType?
    public let title: String?
    /// The declared 公开属性 (one value), `conflict` or `missing`; nil when unscannable.
    public let attribute: String?
    /// Declared, implied and effective attribute with their evidence.
    public let attributeDetail: AttributeAssessment?
    /// Canonical 文号.
    public let documentNumber: String?
    public let elements: DocumentElements?
    public let metadata: PageMetadata?
    public let validity: ValidityStatement?
    /// When the document stops being valid (stated, or the default for a 规范性文件).
    public let expiry: ValidityTerm?
    public private(set) var decision: Decision
    /// Nil when approved.
    public private(set) var disposition: Disposition?
    /// Sorted by line, column, then rule id.
    public private(set) var findings: [Finding]

    public init(
        path: String, sha256: String, bytes: Int, format: DocumentFormat, encoding: TextEncoding?, docType: DocumentType?,
        title: String?, attribute: String?, attributeDetail: AttributeAssessment?, documentNumber: String?,
        elements: DocumentElements?, metadata: PageMetadata?, validity: ValidityStatement?, expiry: ValidityTerm?,
        findings: [Finding],
        policy: DecisionPolicy
    ) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.format = format
        self.encoding = encoding
        self.docType = docType
        self.title = title
        self.attribute = attribute
        self.attributeDetail = attributeDetail
        self.documentNumber = documentNumber
        self.elements = elements
        self.metadata = metadata
        self.validity = validity
        self.expiry = expiry
        self.findings = []
        self.decision = .approve
        self.disposition = nil
        add(findings, policy: policy)
    }

    /// Adds findings (from a later stage) and decides again.
    public mutating func add(_ more: [Finding], policy: DecisionPolicy) {
        findings = (findings + policy.adjust(more)).sorted(by: Self.order)
        (decision, disposition) = policy.decide(findings)
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        let la = a.location.map { ($0.line, $0.column) } ?? (0, 0)
        let lb = b.location.map { ($0.line, $0.column) } ?? (0, 0)
        if la != lb { return la < lb }
        return a.ruleID < b.ruleID
    }

    enum CodingKeys: String, CodingKey {
        case path, sha256, bytes, format, encoding
        case docType = "doc_type"
        case title, attribute
        case attributeDetail = "attribute_detail"
        case documentNumber = "document_number"
        case elements, metadata, validity, expiry, decision, disposition, findings
    }
}
