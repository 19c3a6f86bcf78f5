/// What the scanner decided about every candidate match of one document, and why — for
/// `pubgate explain FILE`. Values are masked as in every report.
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

    public init() {}

    func skip(_ rule: String, _ why: String) {
        entries.append(Entry(rule: rule, line: 0, masked: "", verdict: "skipped: " + why, kept: false))
    }

    func drop(_ rule: String, _ line: Int, _ value: String, _ why: String) {
        entries.append(Entry(rule: rule, line: line, masked: Masker.mask(value), verdict: "dropped: " + why, kept: false))
    }

    func keep(_ rule: String, _ line: Int, _ value: String, _ what: String) {
        entries.append(Entry(rule: rule, line: line, masked: Masker.mask(value), verdict: what, kept: true))
    }
}
