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
        let published = Published(corpus)
        var out: [BatchFinding] = []
        for doc in batch {
            out += personFindings(doc, published, corpus)
            if let finding = republication(doc, corpus) { out.append(finding) }
        }
        return out
    }

    /// The corpus's published persons by name key and by person key, grouped once per batch.
    private struct Published {
        var byName: [String: [CorpusContext.Person]] = [:]
        var byPerson: [String: [CorpusContext.Person]] = [:]

        init(_ corpus: CorpusContext) {
            for p in corpus.persons {
                byName[p.nameKey, default: []].append(p)
                byPerson[p.personKey, default: []].append(p)
            }
        }
    }

    /// of one batch document: a reconstruction by page first, then the linkages of
    /// pages that reconstruct nothing, each in path order.
    private func personFindings(_ doc: DocumentProfile, _ published: Published, _ corpus: CorpusContext) -> [BatchFinding] {
        var reconstructions: [String: [String]] = [:]
        var linkages: [String: (names: [String], attributes: Set<PersonMention.Attribute>)] = [:]
        for m in doc.persons {
            guard let name = m.name, let key = corpus.nameKeys[name] else { continue }
            for p in published.byName[key] ?? [] where p.length == m.digits.count {
                let union = p.visible.union(m.visible)
                if rules.reconstruction.enabled, union.count == p.length, p.visible != union, m.visible != union {
                    reconstructions[p.path, default: []].append(name)
                }
            }
            guard rules.linkage.enabled, let personKey = corpus.personKeys[CorpusIndex.identity(m)] else { continue }
            for p in published.byPerson[personKey] ?? [] {
                let together = p.attributes.union(m.attributes)
                if together.count >= rules.linkage.minAttributes, together.count > max(p.attributes.count, m.attributes.count) {
                    var entry = linkages[p.path] ?? ([], [])
                    if !entry.names.contains(name) { entry.names.append(name) }
                    entry.attributes.formUnion(m.attributes)
                    linkages[p.path] = entry
                }
            }
        }
        var out: [BatchFinding] = []
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
        return out
    }

    /// A-08 of one batch document: a withdrawn or purged page with its 文号 or its text.
    private func republication(_ doc: DocumentProfile, _ corpus: CorpusContext) -> BatchFinding? {
        guard rules.republication.enabled else { return nil }
        let number = doc.documentNumber.map { ElementMasking.maskDigitRuns($0) }
        guard let w = corpus.withdrawn.first(where: { ($0.documentNumber != nil && $0.documentNumber == number) || $0.textHash == doc.textHash })
        else { return nil }
        let sameText = w.textHash == doc.textHash
        return BatchFinding(
            rule: "A-08", kind: .republication, severity: rules.republication.severity,
            text: sameText
                ? Message("A-08.text", ["status": w.status])
                : Message("A-08.number", ["number": w.documentNumber ?? "", "status": w.status]),
            paths: [doc.path], contributions: [doc.path: [sameText ? "text" : "文号"]], corpus: [w.path])
    }
}
