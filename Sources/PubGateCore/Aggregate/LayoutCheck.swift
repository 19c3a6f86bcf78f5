/// A-04 (docs/domain.md §8.2): documents about one operation — the same day and a shared named place
/// or event — that together reveal `min_categories` or more police operational categories.
///
/// Only combinations count: a single document revealing as much is the scan's police-work rules'
/// business. Documents are grouped transitively (a shares with b, b with c); published documents
/// from the index join a group but only batch documents carry the finding.
struct LayoutCheck {
    let rules: AggregationRules

    /// One document's operations: batch documents first, then corpus documents (from the index).
    struct Item {
        let path: String
        let operations: OperationalSummary
    }

    func findings(_ batch: [DocumentProfile], corpus: [CorpusContext.Operation] = []) -> [BatchFinding] {
        guard rules.layout.enabled else { return [] }
        let docs = batch.map { Item(path: $0.path, operations: $0.operations) } + corpus.map { Item(path: $0.path, operations: $0.summary) }
        let candidates = docs.indices.filter { !docs[$0].operations.categories.isEmpty && !docs[$0].operations.days.isEmpty }
        var parent = Dictionary(uniqueKeysWithValues: candidates.map { ($0, $0) })
        func find(_ x: Int) -> Int { parent[x] == x ? x : find(parent[x]!) }
        for (n, i) in candidates.enumerated() {
            for j in candidates[(n + 1)...] {
                let a = docs[i].operations
                let b = docs[j].operations
                if !a.days.isDisjoint(with: b.days), !a.places.isDisjoint(with: b.places) { parent[find(j)] = find(i) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in candidates { groups[find(i), default: []].append(i) }
        var out: [BatchFinding] = []
        for members in groups.values.map({ $0.sorted() }).sorted(by: { $0[0] < $1[0] })
        where members.count >= 2 && members[0] < batch.count {
            let union = members.reduce(into: Set<OperationalSummary.Category>()) { $0.formUnion(docs[$1].operations.categories) }
            let most = members.map { docs[$0].operations.categories.count }.max() ?? 0
            guard union.count >= rules.layout.minCategories, union.count > most else { continue }
            let shared = members.reduce(docs[members[0]].operations.places) { $0.intersection(docs[$1].operations.places) }
            let day = members.reduce(docs[members[0]].operations.days) { $0.intersection(docs[$1].operations.days) }
            out.append(
                BatchFinding(
                    rule: "A-04", kind: .aggregationLayout,
                    severity: union.count >= rules.layout.blockCategories ? .block : rules.layout.severity,
                    text: Message(
                        "A-04",
                        [
                            "documents": String(members.count),
                            "places": (shared.isEmpty ? Set(docs[members[0]].operations.places.prefix(1)) : shared).sorted().prefix(2).joined(
                                separator: ", "),
                            "day": day.sorted().first ?? "?", "count": String(union.count),
                            "categories": union.sorted().map(\.rawValue).joined(separator: ", "),
                        ]),
                    paths: members.filter { $0 < batch.count }.map { docs[$0].path },
                    contributions: Dictionary(
                        uniqueKeysWithValues: members.filter { $0 < batch.count }.map {
                            (docs[$0].path, docs[$0].operations.categories.sorted().map(\.rawValue))
                        }),
                    corpus: members.filter { $0 >= batch.count }.map { docs[$0].path }))
        }
        return out
    }
}
