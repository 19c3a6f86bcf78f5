import Dispatch
import Foundation
import Subprocess
import Synchronization
import SystemPackage

/// Runs a program — git for the gate and the sweep, poppler-utils for PDFs — through
/// swift-subprocess and collects its exit status and output, for the pipeline's synchronous
/// workers.
///
/// The input is written and both outputs are read by tasks of one run, so no pipe fills up and
/// stalls the child; output past `outputCap` bytes is read and dropped. With a `timeout` the child
/// is killed when the time runs out, and what it wrote until then is still read to its end.
///
/// The caller waits on a semaphore while the run's tasks go on in Swift's concurrency pool, so it
/// must be off that pool (``OwnThreads``). Every swift-subprocess 1.0.2 run needs the pool:
/// `Configuration.run` wraps it in `withAsyncTaskCleanupHandler`, whose child task awaits
/// `withUncancelledTask`, an unstructured `Task {}` — and an unstructured task ignores a task
/// executor preference, so even a run started on threads of one's own finishes only when a pool
/// thread is free. Measured before this design: synchronous test bodies (pool threads) waiting
/// for runs hung with both pool threads in the semaphore wait; with the run preferring an executor
/// of its own threads, the child was spawned and read to its end, and `run` still never returned.
/// A call from a pool thread therefore stops the program rather than risk that.
public enum ChildProcess {
    public struct Output: Sendable {
        /// The exit status; -1 when the child was killed, could not be started or not be read.
        public let status: Int32
        let stdout: [UInt8]
        let stderr: [UInt8]
        /// The child was killed because it did not finish within the timeout.
        var timedOut = false
        /// Standard output went past the cap: what is kept is only its beginning.
        var truncated = false
        /// Why the child could not be started (the program is missing, the folder does not exist).
        var launchFailure: String?
        /// Why its output or error could not be read to the end, or its input not written: what
        /// was kept is not all it said.
        var ioFailure: String?

        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Writing to a child that already exited must fail with EPIPE, not end pubgate with SIGPIPE.
    private static let pipeSignalIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// Runs `arguments[0]` (looked up on PATH unless it is a path) with the rest as its arguments,
    /// `environment` (when given) as its whole environment.
    static func run(
        _ arguments: [String], in directory: String? = nil, input: [UInt8]? = nil, environment: [String: String]? = nil,
        timeout: Duration? = nil, outputCap: Int = .max
    ) -> Output {
        precondition(
            OwnThreads.isOffPool,
            "ChildProcess.run waits for tasks of Swift's concurrency pool: call it off the pool (OwnThreads.run), not from a task")
        _ = pipeSignalIgnored
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Output?>(nil)
        Task.detached {
            let output = await runAsync(arguments, in: directory, input: input, environment: environment, timeout: timeout, outputCap: outputCap)
            result.withLock { $0 = output }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 } ?? Output(status: -1, stdout: [], stderr: [], ioFailure: "the run ended without a result")
    }

    /// `git -C directory arguments…`.
    public static func git(_ arguments: [String], in directory: String, input: [UInt8]? = nil) -> Output {
        run(["git", "-C", directory] + arguments, input: input)
    }

    /// What one output stream kept.
    private struct Collected: Sendable {
        var bytes: [UInt8] = []
        var truncated = false
    }

    /// What the run's body saw: both streams to their end, and whether the timer killed the child.
    private struct Streams: Sendable {
        let out: Collected
        let err: Collected
        let killed: Bool
    }

    private static func runAsync(
        _ arguments: [String], in directory: String?, input: [UInt8]?, environment: [String: String]?, timeout: Duration?,
        outputCap: Int
    ) async -> Output {
        guard let program = arguments.first else { return Output(status: -1, stdout: [], stderr: [], launchFailure: "no program named") }
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        let env: Environment =
            environment.map { values in
                .custom(Dictionary(uniqueKeysWithValues: values.compactMap { k, v in Environment.Key(rawValue: k).map { ($0, v) } }))
            } ?? .inherit
        // Set once the child runs: an error before that is a launch failure, after it a read failure.
        let started = Atomic<Bool>(false)
        do {
            let result = try await Subprocess.run(
                executable, arguments: Arguments(Array(arguments.dropFirst())), environment: env,
                workingDirectory: directory.map { FilePath($0) }, input: .inputWriter, output: .sequence, error: .sequence
            ) { execution in
                started.store(true, ordering: .sequentiallyConsistent)
                return try await collect(execution, input: input, timeout: timeout, outputCap: outputCap)
            }
            let streams = result.closureResult
            if streams.killed {
                return Output(status: -1, stdout: streams.out.bytes, stderr: streams.err.bytes, timedOut: true)
            }
            let status: Int32 =
                switch result.terminationStatus {
                case .exited(let code): Int32(code)
                case .signaled: -1
                }
            return Output(status: status, stdout: streams.out.bytes, stderr: streams.err.bytes, truncated: streams.out.truncated)
        } catch {
            if started.load(ordering: .sequentiallyConsistent) {
                return Output(status: -1, stdout: [], stderr: [], ioFailure: "\(error)")
            }
            return Output(status: -1, stdout: [], stderr: [], launchFailure: "\(error)")
        }
    }

    /// Writes `input` and reads both outputs to their end, concurrently; a timer kills the child
    /// when `timeout` runs out (its outputs then end, and what it wrote is kept).
    private static func collect(
        _ execution: Execution<CustomWriteInput, SequenceOutput, SequenceOutput>, input: [UInt8]?, timeout: Duration?, outputCap: Int
    ) async throws -> Streams {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            if let timeout {
                // True when the time ran out and the child was killed.
                group.addTask {
                    do { try await Task.sleep(for: timeout) } catch { return false }
                    try? execution.send(signal: .kill)
                    return true
                }
            }
            group.addTask {
                // A child that exits early closes its end: the write fails and that is fine.
                if let input { _ = try? await execution.standardInputWriter.write(input) }
                try? await execution.standardInputWriter.finish()
                return false
            }
            async let out = drain(execution.standardOutput, cap: outputCap)
            async let err = drain(execution.standardError, cap: outputCap)
            let collected = try await (out, err)
            // Both streams ended: the child is gone or closed them; the timer is not needed.
            group.cancelAll()
            var killed = false
            for try await fired in group { killed = killed || fired }
            return Streams(out: collected.0, err: collected.1, killed: killed)
        }
    }

    /// Reads a stream to its end, keeping at most `cap` bytes (the rest is read and dropped so the
    /// child never blocks on a full pipe).
    private static func drain(_ stream: SubprocessOutputSequence, cap: Int) async throws -> Collected {
        var kept = Collected()
        for try await buffer in stream {
            let data = Data(buffer: buffer)
            if kept.bytes.count + data.count > cap { kept.truncated = true }
            if kept.bytes.count < cap { kept.bytes += data.prefix(cap - kept.bytes.count) }
        }
        return kept
    }
}
