import Foundation

/// What `pubgate sweep --json` prints on stdout instead of the human lines: the counts, each page
/// due with its trigger, the unreadable pages and the lists written; after `--apply`, what was
/// archived, removed, relabelled and kept. Paths as every output shows them (``DisplayPath``);
/// titles and evidence stay in purge.json and relabel.json.
public struct SweepSummaryJSON: Encodable {
    let plan: SweepPlan
    let lists: [String]
    /// Filled by `--apply` (or `--archive`).
    var archive: String?
    var removed: Int?
    var relabelled: Int?
    var kept: [String] = []

    init(_ plan: SweepPlan, lists: [String]) {
        self.plan = plan
        self.lists = lists
    }

    /// The summary of a whole run: the lists a run that made its plan wrote into
    /// `outputDirectory`, and what its apply (or the interrupted one it finished) did.
    public init(_ outcome: SweepSession.Outcome, outputDirectory: String) {
        self.init(outcome.plan, lists: outcome.madePlan ? ["purge", "relabel", "review"].map { outputDirectory + "/\($0).json" } : [])
        archive = (outcome.archive ?? outcome.applied?.archive)?.path
        let done = [outcome.resumed, outcome.applied].compactMap { $0 }
        if !done.isEmpty {
            removed = done.reduce(0) { $0 + $1.removed.count }
            relabelled = done.reduce(0) { $0 + $1.relabelled.count }
            kept = done.flatMap(\.kept)
        }
    }

    struct Item: Encodable {
        let action: ExpiryTrigger.Action
        let path: String
        let sitePath: String
        let rule: String
        let reason: String
        let rendered: Int

        enum CodingKeys: String, CodingKey {
            case action, path, rule, reason, rendered
            case sitePath = "site_path"
        }
    }

    enum CodingKeys: String, CodingKey {
        case site, pages, items, unreadable, lists, archive, removed, relabelled, kept, purge, relabel
    }

    public func encode(to encoder: any Encoder) throws {
        try SummaryHeader(command: "sweep", version: nil, asOf: plan.asOf).encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(DisplayPath.of(plan.site), forKey: .site)
        try c.encode(plan.pages, forKey: .pages)
        try c.encode(plan.purge.count, forKey: .purge)
        try c.encode(plan.relabel.count, forKey: .relabel)
        try c.encode(
            (plan.purge + plan.relabel).map(\.displayed).map {
                Item(action: $0.action, path: $0.path, sitePath: $0.sitePath, rule: $0.rule, reason: $0.reason, rendered: $0.rendered.count)
            }, forKey: .items)
        try c.encode(Dictionary(plan.unreadable.map { (DisplayPath.of($0.key), $0.value) }) { a, _ in a }, forKey: .unreadable)
        try c.encode(lists, forKey: .lists)
        try c.encodeIfPresent(archive, forKey: .archive)
        try c.encodeIfPresent(removed, forKey: .removed)
        try c.encodeIfPresent(relabelled, forKey: .relabelled)
        try c.encode(kept, forKey: .kept)
    }

    public func encoded() throws -> Data { try AtomicWriter.encodeJSON(self) }
}
