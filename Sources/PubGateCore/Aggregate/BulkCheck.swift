/// A-03 (docs/domain.md §8.2): personal data of many natural persons across the batch.
///
/// Persons are counted once however many documents name them (same name, compatible number).
/// Over `bulk_persons` every document contributing persons gets the finding; the graded score
/// n_A/50 + n_B/500 + n_C/5000 (A: phone/address — whereabouts and contact; B: health; C: other)
/// escalates it.
struct BulkCheck {
    let rules: AggregationRules

    func findings(_ docs: [DocumentProfile], corpusPersons: Int = 0, corpusPaths: [String] = []) -> [BatchFinding] {
        guard rules.bulk.enabled else { return [] }
        // Same name, same visible positions and compatible digits is the same number as shown.
        var distinct: [PersonMention] = []
        var seen: Set<String> = []
        var perDoc: [Int: Int] = [:]
        for (i, d) in docs.enumerated() {
            for m in d.persons {
                perDoc[i, default: 0] += 1
                if seen.insert(CorpusIndex.identity(m)).inserted { distinct.append(m) }
            }
        }
        let total = distinct.count + corpusPersons
        guard total > rules.bulk.bulkPersons else { return [] }
        let a = distinct.filter { !$0.attributes.isDisjoint(with: [.phone, .address]) }.count
        let b = distinct.filter { $0.attributes.contains(.health) && $0.attributes.isDisjoint(with: [.phone, .address]) }.count
        let c = distinct.count - a - b
        let score = Double(a) / 50 + Double(b) / 500 + Double(c) / 5000
        let args = ["persons": String(total), "threshold": String(rules.bulk.bulkPersons), "score": String(format: "%.3f", score)]
        let severity = score >= rules.bulk.escalateScore ? rules.bulk.escalateSeverity : rules.bulk.severity
        let contributing = docs.indices.filter { (perDoc[$0] ?? 0) > 0 }
        return [
            BatchFinding(
                rule: "A-03", kind: .aggregationBulk, severity: severity,
                text: corpusPersons > 0 ? Message("A-03.with_corpus", args) : Message("A-03", args),
                paths: contributing.map { docs[$0].path },
                contributions: Dictionary(uniqueKeysWithValues: contributing.map { (docs[$0].path, ["\(perDoc[$0]!) persons"]) }),
                corpus: Array(corpusPaths.prefix(20)))
        ]
    }
}
