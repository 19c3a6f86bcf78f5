import Foundation
import Synchronization

/// Where a review's time goes, for the benchmarks (`PUBGATE_TIMINGS=1` prints it to stderr): the
/// per-document work summed over workers, the part of it spent building aggregation profiles, and
/// the aggregate stage's own wall time (index query and checks).
public final class StageTimings: Sendable {
    private let totals = Mutex<[String: Duration]>([:])
    /// Off unless `PUBGATE_TIMINGS=1`: then `measure` only runs its body (no clock, no lock per
    /// document and stage).
    private let recording: Bool

    init(recording: Bool = StageTimings.enabled) {
        self.recording = recording
    }

    /// Runs `body` and adds its duration under `name`.
    func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard recording else { return try body() }
        let start = ContinuousClock.now
        defer { add(name, ContinuousClock.now - start) }
        return try body()
    }

    func add(_ name: String, _ elapsed: Duration) {
        totals.withLock { $0[name, default: .zero] += elapsed }
    }

    var snapshot: [String: Double] {
        totals.withLock { $0.mapValues { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 } }
    }

    /// The process's peak resident memory so far in MB (`VmHWM`), nil where /proc is not there.
    public static var peakMemoryMB: Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kb / 1024
    }

    public static var enabled: Bool { ProcessInfo.processInfo.environment["PUBGATE_TIMINGS"] == "1" }

    /// One line: `timing: name=seconds …`, sorted by name.
    var line: String {
        "timing: " + snapshot.sorted { $0.key < $1.key }.map { String(format: "%@=%.3f", $0.key, $0.value) }.joined(separator: " ")
    }
}
