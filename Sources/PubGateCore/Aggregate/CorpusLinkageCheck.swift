/// against the published corpus (the index holds keys, not values).
///
/// a batch mask and a published mask of the same name whose visible positions together
/// cover the whole number — a possible reconstruction (the index cannot confirm the digits agree,
/// so it is the A-01 severity, for a human to judge). A-01: the same name and the same masked
/// number published elsewhere with other attributes. A-08: a batch document whose 文号 or text is
/// that of a withdrawn or purged one.
struct CorpusLinkageCheck {
    let rules: AggregationRules

    func findings(_ batch: [DocumentProfile], _ corpus: CorpusContext) -> [BatchFinding] {
        var out: [BatchFinding] = []
        var byName: [String: [CorpusContext.Person]] = [:]
        var byPerson: [String: [CorpusContext.Person]] = [:]
        for p in corpus.persons {
            byName[p.nameKey, default: []].append(p)
            byPerson[p.personKey, default: []].append(p)
        }
        for doc in batch {
            var reconstructions: [String: [String]] = [:]
            var linkages: [String: (names: [String], attributes: Set<PersonMention.Attribute>)] = [:]
            for m in doc.persons {
                guard let name = m.name, let key = corpus.nameKeys[name] else { continue }
                for p in byName[key] ?? [] where p.length == m.digits.count {
                    let union = p.visible.union(m.visible)
                    if rules.reconstruction.enabled, union.count == p.length, p.visible != union, m.visible != union {
                        reconstructions[p.path, default: []].append(name)
                    }
                }
                if rules.linkage.enabled, let personKey = corpus.personKeys[CorpusIndex.identity(m)] {
                    for p in byPerson[personKey] ?? [] {
                        let together = p.attributes.union(m.attributes)
                        if together.count >= rules.linkage.minAttributes, together.count > max(p.attributes.count, m.attributes.count) {
                            var entry = linkages[p.path] ?? ([], [])
                            if !entry.names.contains(name) { entry.names.append(name) }
                            entry.attributes.formUnion(m.attributes)
                            linkages[p.path] = entry
                        }
                    }
                }
            }
            for (path, names) in reconstructions.sorted(by: { $0.key < $1.key }) {
                out.append(
                    BatchFinding(
                        rule: "A-02", kind: .aggregationLinkage, severity: rules.linkage.severity,
                        text: Message("A-02.corpus", ["persons": String(names.count), "names": LinkageCheck.masked(names)]),
                        paths: [doc.path], contributions: [doc.path: ["complementary masks"]], corpus: [path]))
            }
            for (path, entry) in linkages.sorted(by: { $0.key < $1.key }) where reconstructions[path] == nil {
                out.append(
                    BatchFinding(
                        rule: "A-01", kind: .aggregationLinkage, severity: rules.linkage.severity,
                        text: Message("A-01.corpus", ["persons": String(entry.names.count), "names": LinkageCheck.masked(entry.names)]),
                        paths: [doc.path], contributions: [doc.path: entry.attributes.sorted().map(\.rawValue)], corpus: [path]))
            }
            let number = doc.documentNumber.map { ElementMasking.maskDigitRuns($0) }
            if rules.republication.enabled,
                let w = corpus.withdrawn.first(where: { ($0.documentNumber != nil && $0.documentNumber == number) || $0.textHash == doc.textHash })
            {
                out.append(
                    BatchFinding(
                        rule: "A-08", kind: .republication, severity: rules.republication.severity,
                        text: w.textHash == doc.textHash
                            ? Message("A-08.text", ["status": w.status])
                            : Message("A-08.number", ["number": w.documentNumber ?? "", "status": w.status]),
                        paths: [doc.path],
                        contributions: [doc.path: [w.textHash == doc.textHash ? "text" : "文号"]], corpus: [w.path]))
            }
        }
        return out
    }
}
