/// Document-level 公开属性 checks (docs/domain.md §2.2–§2.4).
///
/// Before the scan: every document submitted to the web must declare an attribute (C-ATTR-00; a
/// 公文 without one more strictly than a news item), its declarations must agree
/// (C-ATTR-CONFLICT), 依申请公开 / 不予公开 does not belong in a publication batch (C-ATTR-02), and a
/// document published in part says what was removed (C-ATTR-05). After the scan: what the content implies is compared with the
/// declaration (C-ATTR-01) and a 规范性文件 must be 主动公开 (C-ATTR-04).
struct AttributeCheck: Sendable {
    let settings: Settings.AttributeSettings

    func declarationFindings(for document: ClassifiedDocument) -> [Finding] {
        let values = Set(document.declarations.map(\.value))
        if values.isEmpty, let inherited = document.inherited {
            let args = ["value": inherited.value.rawValue, "doc_type": document.docType.rawValue]
            let text = inherited.source == "section" ? Message("attribute_implied.section", args) : Message("attribute_implied.by_nature", args)
            return [Finding(ruleID: "attribute_implied", kind: .attributeMissing, severity: .info, text: text, sources: ["S1", "S7"])]
        }
        if values.isEmpty {
            return [
                Finding(
                    ruleID: "attribute_missing", kind: .attributeMissing,
                    severity: Self.isOfficial(document) ? settings.missingOfficial : settings.missing,
                    text: Message("attribute_missing"), sources: ["S7", "S9"])
            ]
        }
        var found: [Finding] = []
        if values.count > 1 {
            let list = document.declarations.map { "\($0.source): \($0.value.rawValue)" }.joined(separator: "; ")
            found.append(
                Finding(
                    ruleID: "attribute_conflict", kind: .attributeConflict, severity: settings.conflict,
                    text: Message("attribute_conflict", ["declarations": list]), sources: ["S7"]))
        }
        if let strictest = document.declaredAttribute, strictest == .onRequest || strictest == .notPublic {
            found.append(
                Finding(
                    ruleID: "attribute_not_public", kind: .attributeNotPublic, severity: settings.notPublic,
                    text: Message("attribute_not_public", ["value": strictest.rawValue]), sources: ["S1"]))
        }
        // The declaration itself (（此件删减后公开）) records nothing.
        if values.contains(.partial),
            !document.lines.contains(where: { $0.part == .body && !$0.text.includes("此件") && $0.text.firstMatch(\.redactionRecord) != nil })
        {
            found.append(
                Finding(
                    ruleID: "attribute_partial_without_record", kind: .attributePartial, severity: settings.partialWithoutRecord,
                    text: Message("attribute_partial_without_record"), sources: ["S1", "S7"]))
        }
        return found
    }

    /// A 公文 routed to other offices: its own 文号 and a 主送机关 (docs/domain.md §2.2: a 公文 without an
    /// attribute is not routed; other pages get one from their section or their nature). Decisions on
    /// cases and replies to people are 文书, and public by law.
    static func isOfficial(_ document: ClassifiedDocument) -> Bool {
        switch document.docType {
        case .policy: return document.documentNumber != nil
        case .notice, .news, .other, .meeting, .policeBulletin:
            return document.documentNumber != nil && document.elements.recipients != nil
        default: return false
        }
    }

    /// Compares the content with the declaration. `implications` maps rule ids to what a match implies.
    func contentFindings(
        for document: ClassifiedDocument, scanFindings: [Finding], implications: [String: DisclosureAttribute]
    ) -> (AttributeAssessment, [Finding]) {
        var implied: DisclosureAttribute?
        var because: [Finding] = []
        for f in scanFindings where f.severity > .warn {
            guard let value = implications[f.ruleID] else { continue }
            if implied == nil || value.strictness > implied!.strictness {
                implied = value
                because = [f]
            } else if value == implied {
                because.append(f)
            }
        }
        var ids: [String] = []
        for f in because where !ids.contains(f.ruleID) { ids.append(f.ruleID) }
        let assessment = AttributeAssessment(
            declarations: document.declarations, inherited: document.inherited, implied: implied, impliedBy: ids)
        var found: [Finding] = []
        let declared = document.declaredAttribute ?? document.inherited?.value
        // When a finding already blocks (a secret mark), the contradiction is recorded as an info
        // note beside it, not a second rejection reason; when the content is non-public by nature
        // and nothing else stops it (internal management, 上行文), the mismatch is the reason.
        if declared == .active, let implied, implied == .onRequest || implied == .notPublic {
            let blocked = because.contains { $0.severity == .block }
            let args = ["implied": implied.rawValue, "rules": ids.joined(separator: ", ")]
            let text = blocked ? Message("attribute_content_conflict", args) : Message("attribute_mismatch", args)
            found.append(
                Finding(
                    ruleID: text.section, kind: blocked ? .attributeConflict : .attributeMismatch, severity: blocked ? .info : settings.mismatch,
                    text: text, sources: ["S1", "S7"]))
        }
        if document.docType == .normative, let declared, declared != .active {
            found.append(
                Finding(
                    ruleID: "attribute_normative_not_active", kind: .attributeMismatch, severity: settings.normativeNotActive,
                    text: Message("attribute_normative_not_active", ["value": declared.rawValue]), sources: ["S1", "S8"]))
        }
        return (assessment, found)
    }
}
