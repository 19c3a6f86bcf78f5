/// 三同步 across the batch and the published site (docs/domain.md §7.2, J-LINK).
///
/// A policy of a type that needs a 解读 (``Settings/PublicationSettings/Interpretation/requiredFor``),
/// declared 主动公开, must have a 解读 that cites it by 文号 or title, in the batch or on the site
/// (`interpretation_missing`) — unless the page itself links its 解读 (`相关解读：…`). A 解读 whose
/// policy is in neither is flagged too
/// (`interpretation_orphan`).
struct InterpretationLinkCheck: Sendable {
    let settings: Settings.PublicationSettings.Interpretation

    /// Findings per batch index.
    func findings(batch: [DocumentProfile], published: [DocumentProfile]) -> [Int: [Finding]] {
        let everything = batch + published
        let interpretations = everything.filter { $0.docType == .interpretation }
        var result: [Int: [Finding]] = [:]
        for (i, doc) in batch.enumerated() {
            if settings.requiredFor.contains(doc.docType), doc.declared == .active, !doc.linksInterpretation,
                !interpretations.contains(where: { $0.path != doc.path && $0.cites(doc) })
            {
                result[i, default: []].append(
                    Finding(
                        ruleID: "interpretation_missing", kind: .interpretationMissing, severity: settings.missing,
                        text: Message("interpretation_missing", ["doc_type": doc.docType.rawValue]), sources: ["S8", "S13"]))
            }
            if doc.docType == .interpretation,
                !everything.contains(where: { $0.path != doc.path && $0.docType != .interpretation && doc.cites($0) })
            {
                result[i, default: []].append(
                    Finding(
                        ruleID: "interpretation_orphan", kind: .interpretationMissing, severity: settings.orphan,
                        text: Message("interpretation_orphan"), sources: ["S8"]))
            }
        }
        return result
    }
}
