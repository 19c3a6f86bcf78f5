/// The 公开属性 of a document three ways (docs/domain.md §2.4): what it declares, what its content
/// implies, and the effective value — the stricter of the two — with the evidence for each.
public struct AttributeAssessment: Sendable, Codable, Hashable {
    /// Every declaration and where it was made.
    public let declarations: [AttributeDeclaration]
    /// Without a declaration: the section's attribute or the one the type implies.
    public let inherited: AttributeDeclaration?
    /// The value the content implies, nil when nothing in it restricts publication.
    public let implied: DisclosureAttribute?
    /// Rule ids of the findings behind `implied` (and `normative` when the type requires 主动公开).
    public let impliedBy: [String]
    /// The stricter of the strictest declaration and the implied value.
    let effective: DisclosureAttribute?

    init(
        declarations: [AttributeDeclaration], inherited: AttributeDeclaration? = nil, implied: DisclosureAttribute?, impliedBy: [String]
    ) {
        self.declarations = declarations
        self.inherited = declarations.isEmpty ? inherited : nil
        self.implied = implied
        self.impliedBy = impliedBy
        let declared = declarations.map(\.value).max { $0.strictness < $1.strictness } ?? self.inherited?.value
        self.effective = [declared, implied].compactMap { $0 }.max { $0.strictness < $1.strictness }
    }

    enum CodingKeys: String, CodingKey {
        case declarations, inherited, implied
        case impliedBy = "implied_by"
        case effective
    }
}
