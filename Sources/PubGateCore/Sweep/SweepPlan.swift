/// What a sweep found due on a site as of a date: pages to purge, pages to relabel, and pages it
/// could not read (which it never purges: it cannot archive them).
public struct SweepPlan: Sendable, Codable {
    public static let schemaVersion = 1

    public let schema: Int
    public let asOf: SimpleDate
    public let site: String
    /// Pages judged (readable pages only).
    public let pages: Int
    public let purge: [SweepItem]
    public let relabel: [SweepItem]
    /// Pages that could not be read or decoded, with the reason.
    public let unreadable: [String: String]

    public init(asOf: SimpleDate, site: String, pages: Int, purge: [SweepItem], relabel: [SweepItem], unreadable: [String: String]) {
        self.schema = Self.schemaVersion
        self.asOf = asOf
        self.site = site
        self.pages = pages
        self.purge = purge
        self.relabel = relabel
        self.unreadable = unreadable
    }

    /// True when anything is due (exit code 1 of a dry run).
    public var isDue: Bool { !purge.isEmpty || !relabel.isEmpty }

    enum CodingKeys: String, CodingKey {
        case schema
        case asOf = "as_of"
        case site, pages, purge, relabel, unreadable
    }

    /// `purge.json` / `relabel.json`: one action's pages.
    public struct List: Sendable, Codable {
        public let schema: Int
        public let asOf: SimpleDate
        public let site: String
        public let action: ExpiryTrigger.Action
        public let pages: [SweepItem]

        enum CodingKeys: String, CodingKey {
            case schema
            case asOf = "as_of"
            case site, action, pages
        }
    }

    /// `purge.json` and `relabel.json`, as written: every item ``SweepItem/displayed``.
    public var purgeList: List { List(schema: schema, asOf: asOf, site: DisplayPath.of(site), action: .purge, pages: purge.map(\.displayed)) }
    public var relabelList: List { List(schema: schema, asOf: asOf, site: DisplayPath.of(site), action: .relabel, pages: relabel.map(\.displayed)) }
}
