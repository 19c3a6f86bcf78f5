import Foundation

/// A-01 and A-02 (docs/domain.md §8.2): the same person across documents.
///
/// Mentions are the same person when the names match and the identity numbers agree wherever both
/// show a character. A-02: two masks of one number whose visible positions together cover all of
/// it are a reconstruction (stronger when the assembled number passes its MOD 11-2 check). A-01:
/// the documents together show at least `min_attributes` classes of a person's attributes, more
/// than any one of them does.
struct LinkageCheck {
    let rules: AggregationRules
    let asOf: SimpleDate

    func findings(_ docs: [DocumentProfile]) -> [BatchFinding] {
        report(pairs(docs), docs)
    }

    /// What the pairs of documents sharing a person show: reconstructions (A-02, with their
    /// details) and linkages (A-01), by the pair of document indices.
    struct Pairs {
        var reconstructed: [Set<Int>: [String]] = [:]
        var details: [Set<Int>: [String]] = [:]
        var linked: [Set<Int>: (names: [String], attributes: [Int: Set<PersonMention.Attribute>])] = [:]
    }

    /// Compares every compatible pair of mentions of one name in two documents.
    func pairs(_ docs: [DocumentProfile]) -> Pairs {
        var byName: [String: [(doc: Int, mention: PersonMention)]] = [:]
        for (i, d) in docs.enumerated() {
            for m in d.persons { if let n = m.name { byName[n, default: []].append((i, m)) } }
        }
        var found = Pairs()
        for (name, mentions) in byName.sorted(by: { $0.key < $1.key }) {
            let docsOfName = Set(mentions.map(\.doc))
            guard docsOfName.count >= 2 else { continue }
            for (a, b) in Self.candidatePairs(mentions.map(\.mention)) {
                let x = mentions[a]
                let y = mentions[b]
                guard y.doc != x.doc, x.mention.isCompatible(with: y.mention) else { continue }
                let union = x.mention.visible.union(y.mention.visible)
                if rules.reconstruction.enabled, x.mention.isMasked || y.mention.isMasked, union.count == x.mention.digits.count,
                    x.mention.visible != union, y.mention.visible != union
                {
                    found.reconstructed[[x.doc, y.doc], default: []].append(name)
                    let whole = String(x.mention.combined(with: y.mention).map { $0 ?? "*" })
                    let checks = Validators.residentID18(Array(whole), asOf: asOf) || Validators.residentID15(Array(whole), asOf: asOf)
                    found.details[[x.doc, y.doc], default: []].append(
                        "\(Self.masked([name])): \((docs[x.doc].path as NSString).lastPathComponent) shows positions \(PersonMention.positions(x.mention.visible)), "
                            + "\((docs[y.doc].path as NSString).lastPathComponent) shows \(PersonMention.positions(y.mention.visible)); together "
                            + "\(union.count)/\(x.mention.digits.count)\(checks ? ", check digit valid: the number is recovered" : "")")
                }
                if rules.linkage.enabled {
                    let together = x.mention.attributes.union(y.mention.attributes).union(union.count == 18 ? [.birth] : [])
                    if together.count >= rules.linkage.minAttributes,
                        together.count > max(x.mention.attributes.count, y.mention.attributes.count)
                    {
                        var entry = found.linked[[x.doc, y.doc]] ?? ([], [:])
                        if !entry.names.contains(name) { entry.names.append(name) }
                        entry.attributes[x.doc, default: []].formUnion(x.mention.attributes)
                        entry.attributes[y.doc, default: []].formUnion(y.mention.attributes)
                        found.linked[[x.doc, y.doc]] = entry
                    }
                }
            }
        }
        return found
    }

    /// The batch findings of the pairs: A-02 for each reconstruction, A-01 for each linkage that is
    /// not also one.
    func report(_ found: Pairs, _ docs: [DocumentProfile]) -> [BatchFinding] {
        var out: [BatchFinding] = []
        for (pair, names) in found.reconstructed.sorted(by: { $0.key.sorted().lexicographicallyPrecedes($1.key.sorted()) }) {
            let ordered = pair.sorted()
            out.append(
                BatchFinding(
                    rule: "A-02", kind: .aggregationLinkage, severity: rules.reconstruction.severity,
                    text: Message("A-02", ["persons": String(names.count), "names": Self.masked(names)]),
                    paths: ordered.map { docs[$0].path },
                    contributions: Dictionary(
                        uniqueKeysWithValues: ordered.map { i in
                            (
                                docs[i].path,
                                [
                                    "masks "
                                        + Set(docs[i].persons.filter { names.contains($0.name ?? "") }.compactMap(\.template)).sorted().joined(
                                            separator: "/")
                                ]
                            )
                        }), details: found.details[pair] ?? []))
        }
        for (pair, entry) in found.linked.sorted(by: { $0.key.sorted().lexicographicallyPrecedes($1.key.sorted()) })
        where found.reconstructed[pair] == nil {
            let ordered = pair.sorted()
            out.append(
                BatchFinding(
                    rule: "A-01", kind: .aggregationLinkage, severity: rules.linkage.severity,
                    text: Message("A-01", ["persons": String(entry.names.count), "names": Self.masked(entry.names)]),
                    paths: ordered.map { docs[$0].path },
                    contributions: Dictionary(
                        uniqueKeysWithValues: ordered.map { i in
                            (docs[i].path, (entry.attributes[i] ?? []).sorted().map(\.rawValue))
                        })))
        }
        return out
    }

    /// Names as 陈** (at most three, then a count).
    /// Index pairs `(a, b)`, `a < b`, in order, of the mentions that can be compatible. Comparing every
    /// pair of a common name was quadratic (23 s of a 1 GB batch, all of it serial); numbers that
    /// show their first four characters can only match numbers showing the same four, so those are
    /// compared within their bucket, and only the others against everything.
    static func candidatePairs(_ mentions: [PersonMention]) -> [(Int, Int)] {
        var buckets: [String: [Int]] = [:]
        var open: [Int] = []
        for (i, m) in mentions.enumerated() {
            let head = m.digits.prefix(4)
            if head.count == 4, head.allSatisfy({ $0 != nil }) {
                buckets["\(m.digits.count):" + String(head.map { $0! }), default: []].append(i)
            } else {
                open.append(i)
            }
        }
        var pairs: [(Int, Int)] = []
        for bucket in buckets.values {
            for (k, a) in bucket.enumerated() { for b in bucket[(k + 1)...] { pairs.append((a, b)) } }
        }
        let isOpen = Set(open)
        for a in open {
            for b in mentions.indices where b != a && (!isOpen.contains(b) || b > a) { pairs.append((min(a, b), max(a, b))) }
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    static func masked(_ names: [String]) -> String {
        let shown = names.prefix(3).map { n in String(n.prefix(1)) + String(repeating: "*", count: max(1, n.count - 1)) }
        return shown.joined(separator: ", ") + (names.count > 3 ? " …" : "")
    }
}
