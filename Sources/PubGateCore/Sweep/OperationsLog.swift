import Foundation

/// JSON Lines operations log (`--log FILE`), ECS-style keys so log shippers need no mapping
/// (conventions.md §5.4). Lines name files, rule ids and outcomes — never page content.
public final class OperationsLog: @unchecked Sendable {
    // Safe: `handle` is only used while holding `lock`.
    private let handle: FileHandle?
    private let runID: String
    private let lock = NSLock()

    public init(path: String?, runID: String) throws {
        self.runID = runID
        guard let path else {
            handle = nil
            return
        }
        let fm = FileManager.default
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if !fm.fileExists(atPath: path) { _ = fm.createFile(atPath: path, contents: nil) }
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.seekToEnd()
        handle = h
    }

    deinit { try? handle?.close() }

    public func log(_ level: String = "info", action: String, outcome: String = "success", message: String, fields: [String: String] = [:]) {
        guard let handle else { return }
        var record: [String: String] = [
            "@timestamp": ISO8601DateFormatter().string(from: Date()), "log.level": level, "message": message,
            "event.action": action, "event.outcome": outcome, "pubgate.run_id": runID, "ecs.version": "8.11",
        ]
        for (k, v) in fields { record[k] = v }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(record) else { return }
        line.append(0x0A)
        lock.lock()
        try? handle.write(contentsOf: line)
        lock.unlock()
    }
}
