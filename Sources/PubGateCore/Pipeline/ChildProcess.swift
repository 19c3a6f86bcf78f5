import Dispatch
import Foundation
import Subprocess
import Synchronization

import SystemPackage

/// Runs a program — git for the gate and the sweep, poppler-utils for PDFs — through
/// swift-subprocess and collects its exit status and output, for the pipeline's synchronous
/// workers.
///
/// The input is written, both outputs are read and the time limit is kept by tasks of one run
/// (no pipe can fill up and stall the child); output past `outputCap` bytes is read and dropped.
/// A worker waits for the run on one semaphore while the run's tasks go on in Swift's concurrency
/// pool, which never waits for a worker.
public enum ChildProcess {
    public struct Output: Sendable {
        /// The exit status; -1 when the child was killed or could not be started.
        public let status: Int32
        public let stdout: [UInt8]
        public let stderr: [UInt8]
        /// The child was killed because it did not finish within the timeout.
        public var timedOut = false
        /// Standard output went past the cap: what is kept is only its beginning.
        public var truncated = false
        /// Why the child could not be started (the program is missing, the folder does not exist).
        public var launchFailure: String?

        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Writing to a child that already exited must fail with EPIPE, not end pubgate with SIGPIPE.
    private static let pipeSignalIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// Runs `arguments[0]` (looked up on PATH unless it is a path) with the rest as its arguments.
    public static func run(
        _ arguments: [String], in directory: String? = nil, input: [UInt8]? = nil, environment: [String: String]? = nil,
        timeout: Duration? = nil, outputCap: Int = .max
    ) -> Output {
        _ = pipeSignalIgnored
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Output?>(nil)
        Task.detached {
            let output = await runAsync(arguments, in: directory, input: input, environment: environment, timeout: timeout, outputCap: outputCap)
            result.withLock { $0 = output }
            done.signal()
        }
        done.wait()
        return result.withLock { $0! }
    }

    /// `git -C directory arguments…`.
    public static func git(_ arguments: [String], in directory: String, input: [UInt8]? = nil) -> Output {
        run(["git", "-C", directory] + arguments, input: input)
    }

    /// What each output stream kept, filled by the tasks reading it.
    private struct Collected: Sendable {
        var bytes: [UInt8] = []
        var truncated = false
    }

    private static func runAsync(
        _ arguments: [String], in directory: String?, input: [UInt8]?, environment: [String: String]?, timeout: Duration?,
        outputCap: Int
    ) async -> Output {
        guard let program = arguments.first else { return Output(status: -1, stdout: [], stderr: [], launchFailure: "no program") }
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        let env: Environment = environment.map { values in
            .custom(Dictionary(uniqueKeysWithValues: values.compactMap { k, v in Environment.Key(rawValue: k).map { ($0, v) } }))
        } ?? .inherit
        do {
            let result = try await Subprocess.run(
                executable, arguments: Arguments(Array(arguments.dropFirst())), environment: env,
                workingDirectory: directory.map { FilePath($0) }, input: .inputWriter, output: .sequence, error: .sequence
            ) { execution in
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    if let timeout {
                        // True when the time ran out and the child was killed.
                        group.addTask {
                            try? await Task.sleep(for: timeout)
                            guard !Task.isCancelled else { return false }
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
                    // Both streams ended: the child is gone or closed them; the timer is no longer needed.
                    group.cancelAll()
                    var killed = false
                    for try await fired in group { killed = killed || fired }
                    return (out: collected.0, err: collected.1, killed: killed)
                }
            }
            let (out, err, killed) = result.closureResult
            if killed {
                return Output(status: -1, stdout: out.bytes, stderr: err.bytes, timedOut: true)
            }
            let status: Int32 =
                switch result.terminationStatus {
                case .exited(let code): Int32(code)
                case .signaled: -1
                }
            return Output(status: status, stdout: out.bytes, stderr: err.bytes, truncated: out.truncated)
        } catch {
            return Output(status: -1, stdout: [], stderr: Array("\(error)".utf8), launchFailure: "\(error)")
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
