import Foundation
import Synchronization

/// JSON Lines operations log (`--log FILE`), ECS-style keys so log shippers need no mapping
/// (docs/conventions.md §5.4): every line carries the run's id (one per run), what happened
/// (`event.action`, `event.outcome`), and where it applies the trigger's `rule.id` and
/// `event.reason`; counts are JSON numbers. Lines name files, rule ids and outcomes — never page text.
final class OperationsLog: Sendable {
    /// A field value: text or a count.
    enum Value: Sendable, Encodable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case count(Int)

        init(stringLiteral value: String) { self = .text(value) }
        init(integerLiteral value: Int) { self = .count(value) }

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .text(let s): try c.encode(s)
            case .count(let n): try c.encode(n)
            }
        }
    }

    /// Nil without `--log`; lines are written one whole line at a time.
    private let handle: Mutex<FileHandle?>
    /// Whether there is a file to write (fixed at start, so a line is only built for one).
    private let enabled: Bool
    let runID: String

    init(path: String?, runID: String) throws {
        self.runID = runID
        enabled = path != nil
        guard let path else {
            handle = Mutex(nil)
            return
        }
        let fm = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        try fm.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        if !fm.fileExists(atPath: path) { _ = fm.createFile(atPath: path, contents: nil) }
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.seekToEnd()
        handle = Mutex(h)
    }

    deinit { handle.withLock { try? $0?.close() } }

    func log(_ level: String = "info", action: String, outcome: String = "success", message: String, fields: [String: Value] = [:]) {
        guard enabled else { return }
        var record: [String: Value] = [
            "@timestamp": .text(ISO8601DateFormatter().string(from: Date())), "log.level": .text(level), "message": .text(message),
            "event.action": .text(action), "event.outcome": .text(outcome), "pubgate.run_id": .text(runID), "ecs.version": "8.11",
        ]
        for (k, v) in fields { record[k] = v }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(record) else { return }
        line.append(0x0A)
        handle.withLock { try? $0?.write(contentsOf: line) }
    }

    /// The fields that say which trigger an item is for.
    static func fields(of item: SweepItem) -> [String: Value] {
        ["file.path": .text(DisplayPath.of(item.sitePath)), "rule.id": .text(item.rule), "event.reason": .text(item.reason)]
    }

    /// A run id: the UTC time of the start and eight random hex digits, so two runs in the same
    /// second still differ (`sweep-20250630T183000Z-1f3a9c02`).
    static func newRunID(prefix: String = "sweep", now: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "\(prefix)-\(f.string(from: now))-\(String(format: "%08x", UInt32.random(in: 0...UInt32.max)))"
    }
}
