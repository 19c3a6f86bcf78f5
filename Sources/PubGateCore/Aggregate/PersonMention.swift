/// One natural person as a document shows them: a name in context, an identity number (full or
/// masked, with which positions are visible), and the classes of attributes beside it.
///
/// Held only in memory during a review; the corpus index stores salted hashes of these, never the
/// values (``EntityKey``).
struct PersonMention: Sendable, Hashable {
    /// What kind of attribute a document shows about a person (docs/domain.md §8.2 A-01).
    enum Attribute: String, Sendable, Codable, CaseIterable, Comparable {
        case name
        case identityNumber = "id"
        case birth, phone, address
        case caseRole = "case_role"
        case health

        static func < (a: Attribute, b: Attribute) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The name, when the line gives one.
    let name: String?
    /// The identity number by position: a digit, `X`, or nil where masked.
    let digits: [Character?]
    let attributes: Set<Attribute>
    /// 1-based line in the original file.
    let line: Int

    var isMasked: Bool { digits.contains(nil) }

    /// The number as shown, `*` where masked.
    var maskedNumber: String { String(digits.map { $0 ?? "*" }) }

    /// Visible positions (0-based).
    var visible: Set<Int> { Set(digits.indices.filter { digits[$0] != nil }) }

    /// The site template this mask follows, as `head+tail` visible characters (`4+4`), or
    /// `positions 5-14` for any other shape; nil for an unmasked number.
    var template: String? {
        guard isMasked else { return nil }
        let head = digits.prefix { $0 != nil }.count
        let tail = digits.reversed().prefix { $0 != nil }.count
        let shown = visible.count
        return head + tail == shown ? "\(head)+\(tail)" : "positions " + Self.positions(visible)
    }

    /// 1-based positions as ranges: `1-4,15-18`.
    static func positions(_ set: Set<Int>) -> String {
        var parts: [String] = []
        var run: (Int, Int)?
        func close() {
            if let r = run { parts.append(r.0 == r.1 ? "\(r.0 + 1)" : "\(r.0 + 1)-\(r.1 + 1)") }
        }
        for p in set.sorted() {
            if let r = run, p == r.1 + 1 {
                run = (r.0, p)
            } else {
                close()
                run = (p, p)
            }
        }
        close()
        return parts.joined(separator: ",")
    }

    /// True when the two mentions can be the same number: same length, and equal wherever both show
    /// a character.
    func isCompatible(with other: PersonMention) -> Bool {
        guard digits.count == other.digits.count else { return false }
        for (a, b) in zip(digits, other.digits) {
            if let a, let b, a != b { return false }
        }
        return true
    }

    /// The number assembled from two compatible mentions, with nil where neither shows it.
    func combined(with other: PersonMention) -> [Character?] {
        zip(digits, other.digits).map { $0 ?? $1 }
    }
}
