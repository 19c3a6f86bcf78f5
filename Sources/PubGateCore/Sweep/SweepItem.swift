/// One page the sweep acts on: what, why (the trigger and its evidence), and what goes with it.
public struct SweepItem: Sendable, Codable, Hashable {
    public let path: String
    /// Relative to the site root; the page's path under `data/` in the archive.
    public let sitePath: String
    public let sha256: String
    public let bytes: Int
    public let action: ExpiryTrigger.Action
    /// The trigger id from `Rules/expiry.yaml`.
    public let rule: String
    public let reason: String
    /// For a relabel: the 有效性 to write (nil: the page already carries its label).
    public let label: String?
    /// Dates, 文号 and titles that show why (e.g. `expires_on`, `repealed_by`, `cited_as`).
    public let evidence: [String: String]
    public let title: String?
    public let documentNumber: String?
    /// Rendered output of the page (Hugo `public/…`), relative to the site root; purged with it.
    public let rendered: [String]

    enum CodingKeys: String, CodingKey {
        case path
        case sitePath = "site_path"
        case sha256, bytes, action, rule, reason, label, evidence, title
        case documentNumber = "document_number"
        case rendered
    }
}
