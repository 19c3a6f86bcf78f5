import Foundation
import PubGateCore
import Synchronization

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
        case red = 31
        case green = 32
        case yellow = 33
    }

    /// The review summary, a rejected document's line red when it must not be published and
    /// yellow otherwise.
    static func summary(_ lines: [SummaryPrinter.Line]) -> String {
        lines.map { line in
            guard colours, let d = line.disposition else { return line.text }
            return paint(line.text, d == .block ? .red : .yellow)
        }.joined(separator: "\n")
    }
}

/// A progress line on stderr — documents, megabytes, throughput and time left — shown only when
/// stderr is a terminal, only once a run has taken a second, redrawn in place at most ten times a
/// second, and cleared when done. A pipe or a log file never gets one.
final class ProgressLine: Sendable {
    private struct State {
        var shown = false
        var last = Date.distantPast
        var finishing = false
    }

    private let state = Mutex(State())
    private let start = Date()
    private let enabled: Bool
    private let text: ReportText

    init(enabled: Bool, text: ReportText) {
        self.enabled = enabled && Terminal.stderrIsTTY
        self.text = text
    }

    func update(_ progress: ReviewProgress) {
        guard enabled else { return }
        state.withLock { state in
            let now = Date()
            let elapsed = now.timeIntervalSince(start)
            guard !state.finishing, elapsed > 1, now.timeIntervalSince(state.last) > 0.1 || progress.isComplete else { return }
            state.last = now
            if progress.isComplete {
                // Aggregation and the reports come after the last document: say so rather than sit at 100 %.
                state.finishing = true
                draw(text.text("progress.finishing", ["total": String(progress.totalDocuments)]), &state)
            } else {
                draw(progress.line(elapsed: elapsed, text: text), &state)
            }
        }
    }

    /// Clears the line (before the summary, or an error, is printed).
    func finish() {
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            state.shown = false
        }
    }

    private func draw(_ line: String, _ state: inout State) {
        state.shown = true
        FileHandle.standardError.write(Data("\r\(line)\u{1B}[K".utf8))
    }
}
