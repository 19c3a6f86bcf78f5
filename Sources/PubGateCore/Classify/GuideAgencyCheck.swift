/// A 公开指南 or 办事指南 sends applicants to its own agency (docs/domain.md §2.6). Guides are written
/// from templates; one that was not adapted still tells the public to apply to the agency whose
/// template it was (向某省公安厅申请获取政府信息) or lists that agency's organisation as its own
/// proactive content, and requests go to the wrong office.
///
/// The guide's own agency is the one it names most (or its title's); an agency in an application or
/// scope sentence that is neither it nor 本机关/本局 and does not share its place name is a finding.
struct GuideAgencyCheck {
    let severity: Severity

    func findings(for document: ClassifiedDocument) -> [Finding] {
        let lines = document.lines.filter { $0.part == .body }
        var counts: [String: Int] = [:]
        for line in lines {
            for c in line.text.allCaptures(\.guideAgency) { if let a = c[1] { counts[a, default: 0] += 1 } }
        }
        let own =
            ([document.title].compactMap { $0?.firstMatch(\.guideTitleAgency) })
            + counts.sorted { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }.prefix(1).map(\.key)
        guard let mine = own.first else { return [] }
        let place = String(mine.prefix(2))
        var found: [Finding] = []
        for line in lines {
            guard let groups = line.text.captures(\.guideDirected), let named = groups.dropFirst().compactMap({ $0 }).first else { continue }
            guard !named.hasPrefix(place), !own.contains(named), counts[named, default: 0] < counts[mine, default: 0] else { continue }
            found.append(
                Finding(
                    ruleID: "guide_wrong_agency", kind: .format, severity: severity,
                    text: Message("guide_wrong_agency", ["agency": mine, "named": named]),
                    part: line.part, location: document.location(of: line.range), sources: ["S1"]))
        }
        return found
    }
}
