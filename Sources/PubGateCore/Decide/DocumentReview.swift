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
    /// The declared 公开属性 (strictest declaration), `missing` when there is none.
    public let attribute: String?
    public let declarations: [AttributeDeclaration]
    public let decision: Decision
    /// Nil when approved.
    public let disposition: Disposition?
    /// Sorted by line, column, then rule id.
    public let findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case path, sha256, bytes, format, encoding
        case docType = "doc_type"
        case title, attribute, declarations, decision, disposition, findings
    }
}
