import Foundation

/// What the terminal can show: colours only on a TTY and without `NO_COLOR`
/// (https://no-color.org); a progress line on stderr only when stderr is a TTY.
enum Terminal {
    static var colours: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }

    /// `text` in red, green or yellow when colours are on.
    static func paint(_ text: String, _ colour: Colour) -> String {
        colours ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    enum Colour: Int {
        case red = 31, green = 32, yellow = 33
    }

    /// Colours the decision words of the review summary.
    static func summary(_ text: String) -> String {
        guard colours else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let l = String(line)
            if l.hasPrefix("  reject [block]") { return paint(l, .red) }
            if l.hasPrefix("  reject") { return paint(l, .yellow) }
            return l
        }.joined(separator: "\n")
    }
}

/// A progress line on stderr (`pubgate: 120/1000 documents`), shown only on a TTY, only after
/// the first second, and cleared when done.
final class ProgressLine: @unchecked Sendable {
    // Safe: `shown` and `last` are only touched while holding `lock`.
    private let lock = NSLock()
    private let start = Date()
    private var shown = false
    private var last = Date.distantPast
    private let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled && Terminal.stderrIsTTY
    }

    func update(done: Int, total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(last) > 0.1 || done == total else { return }
        last = now
        shown = true
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\rpubgate: [\(bar)] \(done)/\(total) documents".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
