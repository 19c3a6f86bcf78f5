/// One page the sweep acts on: what, why (the trigger and its evidence), and what goes with it.
struct SweepItem: Sendable, Codable, Hashable {
    let path: String
    /// Relative to the site root; the page's path under `data/` in the archive.
    let sitePath: String
    let sha256: String
    let bytes: Int
    let action: ExpiryTrigger.Action
    /// The trigger id from `Rules/expiry.yaml`.
    let rule: String
    let reason: String
    /// For a relabel: the 有效性 to write (nil: the page already carries its label).
    let label: String?
    /// Dates, 文号 and titles that show why (e.g. `expires_on`, `repealed_by`, `cited_as`).
    let evidence: [String: String]
    let title: String?
    let documentNumber: String?
    /// Rendered output of the page (Hugo `public/…`), relative to the site root; purged with it.
    let rendered: [String]

    enum CodingKeys: String, CodingKey {
        case path
        case sitePath = "site_path"
        case sha256, bytes, action, rule, reason, label, evidence, title
        case documentNumber = "document_number"
        case rendered
    }

    init(
        path: String, sitePath: String, sha256: String, bytes: Int, action: ExpiryTrigger.Action, rule: String, reason: String,
        label: String?, evidence: [String: String], title: String?, documentNumber: String?, rendered: [String]
    ) {
        self.path = path
        self.sitePath = sitePath
        self.sha256 = sha256
        self.bytes = bytes
        self.action = action
        self.rule = rule
        self.reason = reason
        self.label = label
        self.evidence = evidence
        self.title = title
        self.documentNumber = documentNumber
        self.rendered = rendered
    }

    /// The item as the lists, the archive's `purge-manifest.jsonl`, the journal and the log show
    /// it: paths as ``DisplayPath``, title, 文号 and evidence masked like a review's (dates kept).
    var displayed: SweepItem {
        let shownEvidence = evidence.reduce(into: [String: String]()) { out, entry in
            let (key, value) = entry
            // Paths first: a path with a date in it (…/2019/05/01/…) is still a path.
            if Self.pathEvidence.contains(key) {
                out[key] = DisplayPath.of(value)
            } else if Self.pathListEvidence.contains(key) {
                out[key] = value.components(separatedBy: ", ").map(DisplayPath.of).joined(separator: ", ")
            } else if SimpleDate(parsing: value) != nil {
                out[key] = value
            } else {
                out[key] = ElementMasking.maskText(value)
            }
        }
        return SweepItem(
            path: DisplayPath.of(path), sitePath: DisplayPath.of(sitePath), sha256: sha256, bytes: bytes, action: action, rule: rule,
            reason: reason, label: label, evidence: shownEvidence, title: title.map(ElementMasking.maskText),
            documentNumber: documentNumber.map { ElementMasking.maskDigitRuns($0) }, rendered: rendered.map(DisplayPath.of))
    }

    /// Evidence keys whose value is another page's path, or a list of them.
    static let pathEvidence: Set<String> = ["interprets", "repealed_by", "amended_by", "partly_replaced_by", "renewed_by"]
    static let pathListEvidence: Set<String> = ["interprets_candidates"]
}
