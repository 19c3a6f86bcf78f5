/// What the scanner decided about every candidate match of one document, and why — for
/// `pubgate explain FILE`. Values are masked as in every report, unless the reviewer who owns the
/// drafts asks to see them (`showMatches`).
public final class ScanTrace {
    public struct Entry: Sendable {
        public let rule: String
        /// 0 for rule-level entries (skipped rules).
        public let line: Int
        public let masked: String
        /// What was decided and why, in the report's language when printed.
        public let verdict: Reason
        public let kept: Bool
    }

    public private(set) var entries: [Entry] = []
    let showMatches: Bool

    init(showMatches: Bool = false) {
        self.showMatches = showMatches
    }

    func skip(_ rule: String, _ why: Reason) {
        entries.append(Entry(rule: rule, line: 0, masked: "", verdict: why, kept: false))
    }

    func drop(_ rule: String, _ line: Int, _ value: String, _ why: Reason) {
        entries.append(Entry(rule: rule, line: line, masked: shown(value), verdict: why, kept: false))
    }

    func keep(_ rule: String, _ line: Int, _ value: String, _ what: Reason) {
        entries.append(Entry(rule: rule, line: line, masked: shown(value), verdict: what, kept: true))
    }

    private func shown(_ value: String) -> String { showMatches ? value : Masker.mask(value) }
}
