/// What a document shows about itself that a rule's scope can depend on, named so that a rule file
/// and the code's own checks read the same fact through one pattern (``LinePatterns``), never two
/// copies that drift apart. `applies_to.unless_document_shows` lists them.
enum DocumentFact: String, Codable, Sendable, CaseIterable {
    /// A business registration with its value (统一社会信用代码/注册号/营业执照号码: the code, on the
    /// same line or the next), a 主体资格证照名称 of 营业执照, or a 有限公司: the party of a decision is
    /// a business, whose name and operator may be published (X-01 masks natural persons only).
    case businessRegistration = "business_registration"

    /// Whether `ownText` (the document's own lines as UTF-8, page chrome left out, see
    /// ``RuleScanner/ownText(of:)``) shows the fact.
    func holds(in ownText: [UInt8]) -> Bool {
        switch self {
        case .businessRegistration:
            return ((try? LinePatterns.shared.businessRegistration.regex.firstMatch(in: ownText, validUTF8: true)) ?? nil) != nil
        }
    }
}
