import Foundation
import Synchronization

/// The scan's input written out for the standalone prefilter-and-confirm benchmark
/// (`Scripts/scan-floor.c`, run by `Scripts/bench-instructions.sh`): with `PUBGATE_SCAN_CORPUS=DIR`,
/// each scanned text is written to `DIR/NNNNNN.txt` exactly as the rules see it (normalized UTF-8),
/// and the rules to `DIR/rules.tsv` as the harness needs them. The floor is measured on the very
/// bytes and patterns the scan stage runs, not on a guess at them. Off (nil) unless the variable is
/// set: a review never writes the texts of its documents anywhere else.
final class ScanCorpusDump: Sendable {
    let directory: String
    private let counter = Atomic<Int>(0)

    /// The dump the environment asks for, made once per process.
    static let standard: ScanCorpusDump? = {
        guard let dir = ProcessInfo.processInfo.environment["PUBGATE_SCAN_CORPUS"], !dir.isEmpty else { return nil }
        return ScanCorpusDump(directory: dir)
    }()

    init(directory: String) {
        self.directory = directory
    }

    /// Writes one scanned text (numbered in the order scans start) and beside it (`.rules`) the
    /// indexes of the rules that apply to its document, which the harness confirms and no other.
    func write(text utf8: [UInt8], applying rules: [Int]) {
        let n = String(counter.add(1, ordering: .relaxed).newValue)
        let base = directory + "/" + String(repeating: "0", count: max(0, 6 - n.count)) + n
        try? AtomicWriter.write(Data(utf8), to: base + ".txt")
        try? AtomicWriter.write(Data((rules.map(String.init).joined(separator: " ") + "\n").utf8), to: base + ".rules")
    }

    /// Writes the rule table once: per rule, tab-separated, each text field as hex so any byte
    /// survives — id, Vectorscan expression, Vectorscan flags, PCRE2 pattern, PCRE2 options, the
    /// keywords (hex, comma-separated; `-` for none), whether the prefilter scans the rule over the
    /// ASCII runs only (1) or the whole text (0), and its confirmation (`w:N`: windows of N bytes,
    /// `l:N`: of N line breaks, `d`: the whole document, `u`: PCRE2 alone).
    func write(rules: [CompiledRule], confirmations: [Confirmation]) {
        let path = directory + "/rules.tsv"
        guard !FileManager.default.fileExists(atPath: path) else { return }
        var out = ""
        for (compiled, confirmation) in zip(rules, confirmations) {
            let (expression, flags) = Prefilter.vectorscanExpression(of: compiled.rule)
            let confirm: String
            switch confirmation {
            case .windows(let width): confirm = "w:\(width)"
            case .lines(let breaks): confirm = "l:\(breaks)"
            case .document: confirm = "d"
            case .unfiltered: confirm = "u"
            }
            let options = (try? CompiledRule.options(of: compiled.rule, file: compiled.file).rawValue) ?? 0
            let keywords = compiled.keywords.isEmpty ? "-" : compiled.keywords.map { Hex.encode($0) }.joined(separator: ",")
            out +=
                [
                    compiled.rule.id, Hex.encode(Array(expression.utf8)), String(flags.rawValue), Hex.encode(Array(compiled.rule.pattern.utf8)),
                    String(options), keywords, ASCIIRuns.matchesOnlyASCII(expression) ? "1" : "0", confirm,
                ]
                .joined(separator: "\t") + "\n"
        }
        try? AtomicWriter.write(Data(out.utf8), to: path)
    }
}
