/// The classify stage's output: the document, its matching copy, its type and declared attribute.
public struct ClassifiedDocument: Sendable {
    public let ingested: IngestedDocument
    public let normalized: NormalizedText
    public let docType: DocumentType
    public let title: String?
    public let declarations: [AttributeDeclaration]

    /// The strictest declared attribute, or nil when the document declares none.
    public var declaredAttribute: DisclosureAttribute? {
        declarations.map(\.value).max { $0.strictness < $1.strictness }
    }

    /// What the manifest reports: the single declared value, `conflict` or `missing`.
    public var attributeSummary: String {
        let values = Set(declarations.map(\.value))
        if values.isEmpty { return "missing" }
        if values.count > 1 { return "conflict" }
        return values.first!.rawValue
    }
}
