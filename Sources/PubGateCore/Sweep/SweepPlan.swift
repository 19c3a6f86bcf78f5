import Foundation

/// What a sweep found due on a site as of a date: pages to purge, pages to relabel, pages a person
/// must look at, and pages it could not read (which it never purges: it cannot archive them).
///
/// Written as `OUT/plan.json`: the plan a person signs off and `sweep --apply PLAN` carries out,
/// exactly, as long as the site is still in the state recorded here.
public struct SweepPlan: Sendable, Codable {
    static let schemaVersion = 2

    let schema: Int
    /// The run that made the plan.
    let runID: String
    let asOf: SimpleDate
    let site: String
    /// The site as judged: its git commit and a hash of every page.
    let siteState: SiteState
    /// Pages judged (readable pages only).
    let pages: Int
    let purge: [SweepItem]
    let relabel: [SweepItem]
    /// Pages a trigger fired on through a link that could not be confirmed, or that another page
    /// replaces only in part: never applied, listed for a person.
    let review: [SweepItem]
    /// Pages that could not be read or decoded, with the reason.
    public let unreadable: [String: String]

    init(
        runID: String, asOf: SimpleDate, site: String, siteState: SiteState, pages: Int, purge: [SweepItem], relabel: [SweepItem],
        review: [SweepItem], unreadable: [String: String]
    ) {
        self.schema = Self.schemaVersion
        self.runID = runID
        self.asOf = asOf
        self.site = site
        self.siteState = siteState
        self.pages = pages
        self.purge = purge
        self.relabel = relabel
        self.review = review
        self.unreadable = unreadable
    }

    /// True when anything is due (exit code 1 of a dry run).
    public var isDue: Bool { !purge.isEmpty || !relabel.isEmpty || !review.isEmpty }

    enum CodingKeys: String, CodingKey {
        case schema
        case runID = "run_id"
        case asOf = "as_of"
        case siteState = "site_state"
        case site, pages, purge, relabel, review, unreadable
    }

    /// The plan as `plan.json` holds it: items ``SweepItem/displayed``, the site by its canonical
    /// path displayed, unreadable pages by displayed path. `--apply PLAN` finds the files again
    /// (``resolved(root:layout:digests:lenient:)``).
    var displayed: SweepPlan {
        var shownUnreadable: [String: String] = [:]
        for (path, reason) in unreadable { shownUnreadable[DisplayPath.of(path)] = reason }
        return SweepPlan(
            runID: runID, asOf: asOf, site: DisplayPath.of(InputCollector.canonical(site)), siteState: siteState, pages: pages,
            purge: purge.map(\.displayed), relabel: relabel.map(\.displayed), review: review.map(\.displayed), unreadable: shownUnreadable)
    }

    /// A plan read from `plan.json` with every item's paths replaced by the files they name in the
    /// site at `root` (`digests`: its page files as collected, with the SHA-256 each had when the
    /// plan was checked against the site), matched by displayed path and sha256;
    /// fails naming the first item no file fits — unless `lenient` (an earlier run of the plan
    /// removed or relabelled them): such items are kept as shown. Review items are left as shown
    /// (never applied).
    func resolved(root: String, layout: SiteLayout, digests: [String: String], lenient: Bool = false) -> Result<SweepPlan, PlanError> {
        var byShown: [String: [String]] = [:]
        for file in digests.keys.sorted() { byShown[DisplayPath.of(layout.relative(file)), default: []].append(file) }
        func resolve(_ item: SweepItem) -> SweepItem? {
            guard let file = byShown[item.sitePath]?.first(where: { digests[$0] == item.sha256 })
            else { return nil }
            let sitePath = layout.relative(file)
            let rendered = layout.renderedOutputs(of: sitePath).filter { item.rendered.contains(DisplayPath.of($0)) }
            return SweepItem(
                path: file, sitePath: sitePath, sha256: item.sha256, bytes: item.bytes, action: item.action, rule: item.rule,
                reason: item.reason, label: item.label, evidence: item.evidence, title: item.title, documentNumber: item.documentNumber,
                rendered: rendered)
        }
        var purge: [SweepItem] = []
        var relabel: [SweepItem] = []
        for item in self.purge + self.relabel {
            guard let real = resolve(item) ?? (lenient ? item : nil) else {
                return .failure(PlanError("no file of the site is \(item.sitePath) with the sha256 the plan names"))
            }
            if item.action == .purge { purge.append(real) } else { relabel.append(real) }
        }
        return .success(
            SweepPlan(
                runID: runID, asOf: asOf, site: root, siteState: siteState, pages: self.pages, purge: purge, relabel: relabel, review: review,
                unreadable: unreadable))
    }

    /// Reads a plan file; nil with the reason when it is not a plan of this schema.
    static func load(_ path: String) -> Result<SweepPlan, PlanError> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(PlanError("cannot read \(path)")) }
        struct Schema: Decodable { let schema: Int }
        guard let schema = try? JSONDecoder().decode(Schema.self, from: data) else { return .failure(PlanError("\(path) is not a sweep plan")) }
        guard schema.schema == schemaVersion else {
            return .failure(PlanError("\(path) is a plan of schema \(schema.schema); this pubgate reads schema \(schemaVersion)"))
        }
        do {
            return .success(try JSONDecoder().decode(SweepPlan.self, from: data))
        } catch {
            return .failure(PlanError("\(path) is not a valid sweep plan: \(error.summary)"))
        }
    }

    /// Why a plan cannot be used.
    struct PlanError: Error, Sendable, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// `purge.json` / `relabel.json` / `review.json`: one action's pages.
    struct List: Sendable, Codable {
        let schema: Int
        let asOf: SimpleDate
        let site: String
        let action: ExpiryTrigger.Action
        let pages: [SweepItem]

        enum CodingKeys: String, CodingKey {
            case schema
            case asOf = "as_of"
            case site, action, pages
        }
    }

    /// `purge.json`, `relabel.json` and `review.json`, as written: every item ``SweepItem/displayed``.
    var purgeList: List { List(schema: schema, asOf: asOf, site: DisplayPath.of(site), action: .purge, pages: purge.map(\.displayed)) }
    var relabelList: List { List(schema: schema, asOf: asOf, site: DisplayPath.of(site), action: .relabel, pages: relabel.map(\.displayed)) }
    var reviewList: List { List(schema: schema, asOf: asOf, site: DisplayPath.of(site), action: .review, pages: review.map(\.displayed)) }
}
