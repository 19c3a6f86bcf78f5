/// What the scanner decided about every candidate match of one document, and why — for
/// `pubgate explain FILE`. Values are masked as in every report, unless the reviewer who owns the
/// drafts asks to see them (`showMatches`).
public final class ScanTrace {
    public struct Entry: Sendable {
        public let rule: String
        /// 0 for rule-level entries (skipped rules).
        public let line: Int
        public let masked: String
        public let verdict: String
        public let kept: Bool
    }

    public private(set) var entries: [Entry] = []
    let showMatches: Bool

    public init(showMatches: Bool = false) {
        self.showMatches = showMatches
    }

    func skip(_ rule: String, _ why: String) {
        entries.append(Entry(rule: rule, line: 0, masked: "", verdict: "skipped: " + why, kept: false))
    }

    func drop(_ rule: String, _ line: Int, _ value: String, _ why: String) {
        entries.append(Entry(rule: rule, line: line, masked: shown(value), verdict: "dropped: " + why, kept: false))
    }

    func keep(_ rule: String, _ line: Int, _ value: String, _ what: String) {
        entries.append(Entry(rule: rule, line: line, masked: shown(value), verdict: what, kept: true))
    }

    private func shown(_ value: String) -> String { showMatches ? value : Masker.mask(value) }
}
