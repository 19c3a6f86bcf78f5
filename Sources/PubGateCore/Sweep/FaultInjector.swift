import Foundation
import Synchronization

/// Test hook for crash safety: `PUBGATE_FAULT=<step>[:<n>]` ends the process abruptly (no cleanup,
/// exit code 86) right after the n-th time (default 1) the sweep reaches `step` — a journal event
/// (`plan`, `archived`, `removed`, `done`) or `archive_partial` (archive written, not yet renamed)
/// — or an output set reaches `output_written` (every file written, not yet committed) or
/// `output_committed` (committed, links not yet made). The tests kill `--apply` and `review` at
/// these steps and check that nothing is lost and no output set is mixed.
enum FaultInjector {
    private static let target: (step: String, count: Int)? = {
        guard let spec = ProcessInfo.processInfo.environment["PUBGATE_FAULT"], !spec.isEmpty else { return nil }
        let parts = spec.split(separator: ":")
        return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
    }()
    private static let seen = Mutex<[String: Int]>([:])

    static func reached(_ step: String) {
        guard let target, target.step == step else { return }
        let n = seen.withLock { seen in
            seen[step, default: 0] += 1
            return seen[step, default: 0]
        }
        if n == target.count { _exit(86) }
    }
}
