import PCRE2Kit

/// What a page does with a natural person's name as a whole, once the rules have read it line by
/// line (X-01, domain-spec §7.4).
///
/// - A person a case rule found named in full is named wherever the page repeats the name. Where
///   it repeats it in the body, the reviewer fixing the first place fixes the rest: the first
///   finding lists those lines. Where it repeats it in the title (王某某未取得…许可案, shown in every
///   list, index and search result), the page's `<title>`, metadata, attributes or comments, each
///   place is a finding of its own.
/// - A page that masks a party (当事人：石*) and gives the same surname in full in another party
///   field (负责人：石磊) defeats its own mask: the two together name the person.
struct PersonNameCheck {
    let document: ClassifiedDocument

    /// Party fields of a decision, in which a person is named or masked.
    static let partyFields = "当事人|经营者|负责人|法定代表人|投资人|业主|户主|被处罚人|违法行为人|姓名"
    static let maskedParty = try! Regex(
        "(?:" + partyFields + #")[ \t]*[:：]?[ \t]*(\p{sc:Han})(\*{1,3}|某{1,2}|×{1,3}|＊{1,3})"#, options: [.ucp])
    static let namedParty = try! Regex(
        "(?:" + partyFields + #")[ \t]*[:：]?[ \t]*(\p{sc:Han}{2,3}?)(?=[,，。;；、(（ \t\n]|$)"#, options: [.ucp, .multiline])

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

    /// A party masked in one field and named in full, same surname, in another.
    func inconsistentMasks(showMatches: Bool) -> [Finding] {
        let utf8 = document.normalized.utf8
        var masked: [String: Int] = [:]
        try? Self.maskedParty.forEachMatch(in: utf8, validUTF8: true) { groups in
            if let s = groups[1], let m = groups[2] {
                let mask = String(decoding: utf8[m], as: UTF8.self)
                masked[String(decoding: utf8[s], as: UTF8.self)] = mask.hasPrefix("某") ? 0 : mask.count
            }
            return true
        }
        guard !masked.isEmpty else { return [] }
        var out: [Finding] = []
        try? Self.namedParty.forEachMatch(in: utf8, validUTF8: true) { groups in
            guard let r = groups[1] else { return true }
            let name = String(decoding: utf8[r], as: UTF8.self)
            guard Surnames.isPersonalName(name), let surname = name.first, let hidden = masked[String(surname)],
                hidden == 0 || hidden == name.count - 1
            else { return true }
            out.append(
                Finding(
                    ruleID: "case_person_mask_inconsistent", kind: .casePerson, severity: .review,
                    text: Message("case_person_mask_inconsistent", ["surname": String(surname)]),
                    part: document.normalized.part(at: r.lowerBound), location: document.location(of: r), masked: Masker.mask(name),
                    excerpt: nil, match: showMatches ? name : nil, sources: ["S16", "S19"]))
            return true
        }
        return out
    }
}
