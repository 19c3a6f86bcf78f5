/// The natural persons' names a document's case findings flag, masked wherever the review repeats
/// the page's own text: a name that is itself a finding must not be read again in the title
/// (…决定书（岚市监处罚〔2025〕188号 孙丽萍）), in the 主送 element, or in the excerpt of a finding
/// beside it (马文斌 «62…18»). Off with `--show-matches`, like every other mask.
struct NameMasking: Sendable {
    /// Longest first, so that a name inside a longer one is never left half shown.
    let names: [String]

    static let none = NameMasking(names: [])

    private init(names: [String]) {
        self.names = names
    }

    init(findings: [Finding], showMatches: Bool) {
        let flagged = showMatches ? [] : Set(findings.compactMap(\.personName))
        names = flagged.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// `text` with every flagged name masked as its finding masks it (孙**).
    func mask(_ text: String) -> String {
        var out = text
        for name in names where out.contains(name) { out = out.replacingOccurrences(of: name, with: Masker.mask(name)) }
        return out
    }

    /// `findings` with the flagged names masked in their excerpts.
    func excerpts(of findings: [Finding]) -> [Finding] {
        guard !names.isEmpty else { return findings }
        return findings.map { finding in
            var f = finding
            f.excerpt = f.excerpt.map(mask)
            return f
        }
    }
}
