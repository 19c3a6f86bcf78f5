import BytesKit
import PCRE2Kit

/// What a page does with a natural person's name as a whole, once the rules have read it line by
/// line (X-01, docs/domain.md §7.4).
///
/// - A person a case rule found named in full is named wherever the page repeats the name. Where
///   it repeats it in the body, the reviewer fixing the first place fixes the rest: the first
///   finding lists those lines. Where it repeats it in the title (王某某未取得…许可案, shown in every
///   list, index and search result), the page's `<title>`, metadata, attributes or comments, each
///   place is a finding of its own.
/// - A page that masks a party (当事人：石*) and gives the same surname in full in another party
///   field (负责人：石磊) defeats its own mask: the two together name the person.
/// - A publicity table (双公示) names each party in the cell under its party column (行政相对人名称,
///   当事人, 姓名): a row whose party cell holds a personal name and that shows no registration of a
///   business (a credit code, a 法人 or 个体工商户 category) names a punished natural person in full.
struct PersonNameCheck {
    let document: ClassifiedDocument

    /// Rows of the page's tables, each a list of (column header, cell range): a row ends where a
    /// column header it already holds comes again (cells carry their column, not their row).
    func tableRows() -> [[(header: String, range: Range<Int>)]] {
        var rows: [[(header: String, range: Range<Int>)]] = []
        var row: [(header: String, range: Range<Int>)] = []
        var lastEnd = -1
        for (range, header) in document.normalized.columns {
            // One cell may span several segments: neighbours under the same header are one cell.
            if let last = row.last, last.header == header, range.lowerBound <= lastEnd + 1 {
                row[row.count - 1].range = last.range.lowerBound..<range.upperBound
            } else {
                if row.contains(where: { $0.header == header }) {
                    rows.append(row)
                    row = []
                }
                row.append((header, range))
            }
            lastEnd = range.upperBound
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    /// Party cells of a decision's tables that name a natural person in full.
    ///
    /// A table of one decision lays its fields out as rows of label and value (当事人 | 赵春华): the
    /// label cell then names the value's field, and the whole table is the one party's, so a
    /// registration anywhere in it makes the party a business.
    func partiesInTables(showMatches: Bool) -> [NamedParty] {
        let normalized = document.normalized
        // Each cell read once: is it under a party column, does it show a business registration?
        let rows = tableRows().map { row in
            row.map { cell in
                let text = normalized.string(cell.range).trimmingWhiteSpace
                let party = cell.header.firstMatch(\.partyColumn) != nil
                return (header: cell.header, text: text, range: cell.range, party: party, registers: !party && text.firstMatch(\.businessCell) != nil)
            }
        }
        let registered = rows.joined().contains(where: \.registers)
        var out: [NamedParty] = []
        func found(_ name: String, _ range: Range<Int>, field: String) {
            var finding = Finding(
                ruleID: "case_person_party_column", kind: .casePerson, severity: .fix,
                text: Message("case_person_party_column", ["column": field]),
                part: normalized.part(at: range.lowerBound), location: document.location(of: range),
                masked: Masker.mask(name), excerpt: nil, match: showMatches ? name : nil, sources: ["S16", "S19"],
                remediation: "Replace the name with the surname and 某某 (X-01).")
            finding.personName = name
            out.append(NamedParty(finding: finding, range: range))
        }
        for cells in rows {
            if cells.count >= 2, cells[0].text.firstMatch(\.partyColumn) != nil {
                if !registered, Surnames.isPersonalName(cells[1].text) { found(cells[1].text, cells[1].range, field: cells[0].text) }
                continue
            }
            guard !cells.contains(where: \.registers) else { continue }
            for cell in cells where cell.party && Surnames.isPersonalName(cell.text) {
                found(cell.text, cell.range, field: cell.header)
            }
        }
        return out
    }

    /// Every further place the page names `people` (normalized name → the finding that named him),
    /// apart from the matches already found (`found`, normalized start offsets): findings for the
    /// places outside the body text and the title line, and the body lines of the rest by name.
    func repetitions(of people: [String: Finding], besides found: Set<Int>) -> ([Finding], [String: [Int]]) {
        var out: [Finding] = []
        var bodyLines: [String: [Int]] = [:]
        let utf8 = document.normalized.utf8
        let titleLine = document.elements.title?.line
        for (name, first) in people.sorted(by: { $0.key < $1.key }) {
            let needle = Array(name.utf8)
            var from = 0
            while let start = LiteralSearch.firstIndex(of: needle, in: utf8, from: from) {
                from = start + needle.count
                guard !found.contains(start) else { continue }
                let range = start..<(start + needle.count)
                let part = document.normalized.part(at: start)
                let location = document.location(of: range)
                if part == .body, let line = location?.line, line != titleLine {
                    if bodyLines[name]?.contains(line) != true { bodyLines[name, default: []].append(line) }
                    continue
                }
                out.append(
                    Finding(
                        ruleID: "case_person_name_repeated", kind: first.kind, severity: first.severity,
                        text: Message("case_person_name_repeated", ["part": part == .body ? "title" : part.rawValue, "rule": first.ruleID]),
                        part: part, location: location, masked: Masker.mask(name), sources: first.sources,
                        remediation: first.remediation))
            }
        }
        return (out, bodyLines)
    }

    /// A decision, or a notice serving one (公告送达), addressed to a natural person by name: its
    /// 主送 line (顾建明：) names the party at the head of the page. A business party is addressed
    /// by the business's name, and a page that shows a business registration in its own lines (not
    /// in the site's footer) is left alone, as the rules on the party's name leave it.
    func addressee(showMatches: Bool) -> [NamedParty] {
        guard let recipients = document.elements.recipients else { return [] }
        let name = recipients.text.trimmingWhiteSpace
        guard Surnames.isPersonalName(name) else { return [] }
        // Only a name is worth reading the whole page for a registration.
        guard !DocumentFact.businessRegistration.holds(title: document.normalizedTitle, ownText: { RuleScanner.ownText(of: document) }),
            let line = document.lines.first(where: { $0.line == recipients.line && $0.text.hasPrefix(name) })
        else {
            return []
        }
        let range = line.range.lowerBound..<(line.range.lowerBound + name.utf8.count)
        var finding = Finding(
            ruleID: "case_person_penalty_addressee", kind: .casePerson, severity: .fix,
            text: Message("case_person_penalty_addressee"), part: line.part, location: document.location(of: range),
            masked: Masker.mask(name), excerpt: nil, match: showMatches ? name : nil, sources: ["S16", "S19"],
            remediation: "Address the party as 顾某某 (X-01).")
        finding.personName = name
        return [NamedParty(finding: finding, range: range)]
    }

    /// A party masked in one field and named in full, same surname, in another.
    func inconsistentMasks(showMatches: Bool) -> [NamedParty] {
        let utf8 = document.normalized.utf8
        var masked: [String: Int] = [:]
        try? LinePatterns.shared.maskedParty.regex.forEachMatch(in: utf8, validUTF8: true) { groups in
            if let s = groups[1], let m = groups[2] {
                let mask = String(decoding: utf8[m], as: UTF8.self)
                masked[String(decoding: utf8[s], as: UTF8.self)] = mask.hasPrefix("某") ? 0 : mask.count
            }
            return true
        }
        // A 主送 line that masks its addressee (何某某：) masks the party as a field does.
        if let addressee = document.elements.recipients?.text.trimmingWhiteSpace, let surname = addressee.first,
            addressee.dropFirst().allSatisfy({ "某*×＊".contains($0) }), addressee.count >= 2
        {
            masked[String(surname)] = addressee.hasSuffix("某") ? 0 : addressee.count - 1
        }
        guard !masked.isEmpty else { return [] }
        var out: [NamedParty] = []
        var seen = Set<Int>()
        for pattern in [LinePatterns.shared.namedParty, LinePatterns.shared.identifiedName] {
            try? pattern.regex.forEachMatch(in: utf8, validUTF8: true) { groups in
                guard let r = groups[1], seen.insert(r.lowerBound).inserted else { return true }
                if let finding = maskDefeated(by: r, masked: masked, showMatches: showMatches) { out.append(finding) }
                return true
            }
        }
        for r in fullNames(of: masked) where seen.insert(r.lowerBound).inserted {
            if let finding = maskDefeated(by: r, masked: masked, showMatches: showMatches) { out.append(finding) }
        }
        return out
    }

    /// Where the page writes a masked party's surname as a name standing on its own, in any field
    /// (the title, an attachment's name, a table's cell, after 对 or 向): the surname opens the
    /// line or follows a bracket, punctuation or one of 对, 向, 与, 和, 及, 给; it is followed by as
    /// many characters as the mask hides (two for 某某); and it does not open a word of the
    /// dictionary (陈述, 张贴). Lines that name the agency's own staff (执法人员, 承办人, 联系人 …) are
    /// left out: an officer may share the party's surname.
    private func fullNames(of masked: [String: Int]) -> [Range<Int>] {
        let utf8 = document.normalized.utf8
        let reader = ReaderContext(utf8: utf8)
        var out: [Range<Int>] = []
        for (surname, hidden) in masked {
            let needle = Array(surname.utf8)
            var from = 0
            while let start = LiteralSearch.firstIndex(of: needle, in: utf8, from: from) {
                from = start + needle.count
                let lineStart = (utf8[..<start].lastIndex(of: 0x0A) ?? -1) + 1
                let lineEnd = utf8[start...].firstIndex(of: 0x0A) ?? utf8.count
                let line = String(decoding: utf8[lineStart..<lineEnd], as: UTF8.self)
                let lead = String(decoding: utf8[lineStart..<start], as: UTF8.self)
                guard lead.last.map({ !$0.isIdeograph || "对向与和及给".contains($0) }) ?? true,
                    line.firstMatch(\.staffLine) == nil, !reader.twoCharacterWord(at: start)
                else { continue }
                let given = hidden == 0 ? 2 : hidden
                let rest = String(decoding: utf8[from..<lineEnd], as: UTF8.self).prefix(given)
                guard rest.count == given, rest.allSatisfy(\.isIdeograph) else { continue }
                out.append(start..<(from + rest.utf8.count))
            }
        }
        return out
    }

    /// The finding for the full name at `r` when a party of its surname is masked (`masked`:
    /// surname → characters hidden, 0 for 某某), else nil.
    private func maskDefeated(by r: Range<Int>, masked: [String: Int], showMatches: Bool) -> NamedParty? {
        let utf8 = document.normalized.utf8
        let name = String(decoding: utf8[r], as: UTF8.self)
        // A surname that opens a word of the dictionary (当事人陈述、申辩) names nobody.
        guard Surnames.isPersonalName(name), let surname = name.first, let hidden = masked[String(surname)],
            hidden == 0 || hidden == name.count - 1, !ReaderContext(utf8: utf8).twoCharacterWord(at: r.lowerBound)
        else { return nil }
        var finding = Finding(
            ruleID: "case_person_mask_inconsistent", kind: .casePerson, severity: .review,
            text: Message("case_person_mask_inconsistent", ["surname": String(surname)]),
            part: document.normalized.part(at: r.lowerBound), location: document.location(of: r), masked: Masker.mask(name),
            excerpt: nil, match: showMatches ? name : nil, sources: ["S16", "S19"])
        finding.personName = name
        return NamedParty(finding: finding, range: r)
    }

    /// A party the page's fields or tables name in full, and where (normalized range): the name is
    /// then looked for in the rest of the page, as a rule's match is.
    struct NamedParty {
        let finding: Finding
        let range: Range<Int>
    }
}
