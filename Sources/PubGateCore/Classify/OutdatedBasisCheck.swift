import BytesKit
import PCRE2Kit

/// A document that relies on a basis which had ended by its own date (`Rules/repealed.yaml`):
/// 依照《护士管理办法》第七条 in a guide written after 2008, or a 公开指南 that still asks for the
/// 生产、生活、科研 needs the 2019 条例 dropped.
///
/// Reliance is what the sentence does with the title: cites it as its basis (依照, 根据, 按照,
/// 违反 … before it, 第N条 or 规定 after it). A sentence that repeals or replaces it (《…》同时废止)
/// only names it. The document's date is its 成文日期, else its 发布日期, else the review date: an
/// archived decision of 2018 applied the law of 2018.
struct OutdatedBasisCheck {
    let bases: RepealedBases
    let severity: Severity
    let asOf: SimpleDate

    func findings(for document: ClassifiedDocument) -> [Finding] {
        let date = document.writtenDate ?? document.metadata.publishDate ?? asOf
        // One byte search of the whole text per basis: most documents cite none, and reading every
        // line for every title was most of the publication checks' time.
        let utf8 = document.normalized.utf8
        let titles = citedTitles(in: utf8, endedBy: date)
        let provisions = bases.provisions.filter { p in
            guard p.ended <= date else { return false }
            if let regex = p.pattern?.regex { return ((try? regex.firstMatch(in: utf8, validUTF8: true)) ?? nil) != nil }
            return LiteralSearch.contains(Array(p.text.utf8), in: utf8)
        }
        guard !titles.isEmpty || !provisions.isEmpty else { return [] }
        var found: [Finding] = []
        for line in document.lines where line.part == .body || line.part == .frontMatter {
            let text = line.text
            // Foundation's range(of:) bridges and folds the whole line on every call: a byte search
            // first (a line without 《 cites no title).
            for basis in titles where text.includes("《") && text.includes(basis.title) {
                for pattern in ["《中华人民共和国" + basis.title + "》", "《" + basis.title + "》"] where text.includes(pattern) {
                    var search = text.startIndex
                    while let r = text.range(of: pattern, range: search..<text.endIndex) {
                        search = r.upperBound
                        let before = String(text[..<r.lowerBound].suffix(12))
                        let after = String(text[r.upperBound...].prefix(12))
                        let clause = String(text[..<r.lowerBound].suffix(30)) + String(text[r.upperBound...].prefix(30))
                        guard before.firstMatch(\.basisReliance) != nil || after.firstMatch(\.basisArticle) != nil,
                            clause.firstMatch(\.basisRepealing) == nil
                        else { continue }
                        var args = ["law": basis.title, "ended": basis.ended.description, "date": date.description]
                        args["replacement"] = basis.replacedBy
                        found.append(
                            finding(
                                document, line: line, range: r,
                                text: basis.replacedBy == nil ? Message("outdated_basis.law", args) : Message("outdated_basis.law_replaced", args)))
                    }
                }
            }
            for provision in provisions {
                let hit = provision.pattern.map { text.firstRange($0) } ?? (text.includes(provision.text) ? text.range(of: provision.text) : nil)
                guard let r = hit else { continue }
                let clause = String(text[..<r.lowerBound].suffix(30)) + String(text[r.upperBound...].prefix(20))
                guard clause.firstMatch(\.basisRepealing) == nil else { continue }
                found.append(
                    finding(
                        document, line: line, range: r,
                        text: Message(
                            "outdated_basis.provision", ["provision": String(text[r]), "law": provision.law, "ended": provision.ended.description])))
            }
        }
        return found
    }

    /// The titles that had ended by `date` and that the text cites: titles are cited after 《, so
    /// the bytes after each 《 (and a 中华人民共和国 there) are compared with them.
    private func citedTitles(in utf8: [UInt8], endedBy date: SimpleDate) -> [RepealedBases.Title] {
        var cited: Set<Int> = []
        let open: [UInt8] = Array("《".utf8)
        let state: [UInt8] = Array("中华人民共和国".utf8)
        var at = 0
        while let i = LiteralSearch.firstIndex(of: open, in: utf8, from: at) {
            at = i + open.count
            var start = at
            if utf8[start...].starts(with: state) { start += state.count }
            for (k, basis) in bases.titles.enumerated() where basis.ended <= date && utf8[start...].starts(with: basis.bytes) {
                cited.insert(k)
            }
        }
        return cited.sorted().map { bases.titles[$0] }
    }

    private func finding(_ document: ClassifiedDocument, line: DocumentLine, range r: Range<String.Index>, text: Message) -> Finding {
        let utf8 = line.text.utf8
        let start = line.range.lowerBound + utf8.distance(from: utf8.startIndex, to: r.lowerBound)
        let end = line.range.lowerBound + utf8.distance(from: utf8.startIndex, to: r.upperBound)
        return Finding(
            ruleID: "outdated_basis", kind: .outdatedBasis, severity: severity, text: text, part: line.part,
            location: document.location(of: start..<end), sources: ["S1", "S34"])
    }
}
