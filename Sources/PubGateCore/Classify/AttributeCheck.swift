/// Document-level 公开属性 checks (domain-spec §2.2–§2.4, C-ATTR-00, C-ATTR-CONFLICT, C-ATTR-02).
///
/// Every document submitted to the web must declare an attribute; declarations must agree; and
/// a document declared 依申请公开 or 不予公开 does not belong in a publication batch.
public struct AttributeCheck: Sendable {
    public init() {}

    public func findings(for document: ClassifiedDocument) -> [Finding] {
        let values = Set(document.declarations.map(\.value))
        if values.isEmpty {
            return [
                Finding(
                    ruleID: "attribute_missing", kind: .attributeMissing, severity: .fix,
                    message: "no 公开属性 is declared (附注, 公开方式 field, metadata or front matter)",
                    sources: ["S7", "S9"],
                    remediation: "Declare the attribute when drafting, e.g. the 附注 line （此件公开发布）.")
            ]
        }
        var found: [Finding] = []
        if values.count > 1 {
            let list = document.declarations.map { "\($0.source): \($0.value.rawValue)" }.joined(separator: "; ")
            found.append(
                Finding(
                    ruleID: "attribute_conflict", kind: .attributeConflict, severity: .review,
                    message: "the declared 公开属性 disagree (\(list)); the stricter value applies",
                    sources: ["S7"], remediation: "Settle one attribute with the drafting office and correct every declaration."))
        }
        if let strictest = document.declaredAttribute, strictest == .onRequest || strictest == .notPublic {
            found.append(
                Finding(
                    ruleID: "attribute_not_public", kind: .attributeNotPublic, severity: .block,
                    message: "declared \(strictest.rawValue): not for proactive publication on the website",
                    sources: ["S1"], remediation: "Withdraw the document from the publication batch."))
        }
        return found
    }
}
