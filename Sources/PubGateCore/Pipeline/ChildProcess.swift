import Foundation
import Synchronization

/// Runs a program — git for the gate and the sweep, poppler-utils for PDFs — and collects its exit
/// status and output, for the pipeline's synchronous workers.
///
/// The input is written and both outputs are read on threads of the run's own (never on a shared
/// queue a waiting worker may be holding), so no pipe fills up and stalls the child, and nothing
/// waits for a thread that cannot come. With a `timeout` the child is killed when the time runs
/// out, and its output is read only after the reader threads have finished. Output past
/// `outputCap` bytes is read and dropped.
///
/// Why not swift-subprocess: its `run` always starts an unstructured task on the global executor
/// (its cleanup handler), so a synchronous caller holding a thread of the concurrency pool —
/// every Swift Testing test body, two at once on a two-core machine — waits for a task that can
/// never run. Measured here: the PDF tests hung with both pool threads in `run`. It becomes the
/// right tool once the pipeline is asynchronous.
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        do {
            try process.run()
        } catch {
            return Output(status: -1, stdout: [], stderr: [], launchFailure: "\(error)")
        }
        let finished = DispatchGroup()
        let stdout = Collected()
        let stderr = Collected()
        if let input {
            let writer = inPipe.fileHandleForWriting
            onThread(finished) {
                // A child that exits early closes its end: the write fails and that is fine.
                try? writer.write(contentsOf: Data(input))
                try? writer.close()
            }
        }
        onThread(finished) { stdout.drain(out.fileHandleForReading, cap: outputCap) }
        onThread(finished) { stderr.drain(err.fileHandleForReading, cap: outputCap) }
        var timedOut = false
        if let timeout, finished.wait(timeout: .now() + .milliseconds(Int(timeout / .milliseconds(1)))) == .timedOut {
            // Killed, the child closes its pipes: the readers end, and only then is their output read.
            kill(process.processIdentifier, SIGKILL)
            timedOut = true
        }
        finished.wait()
        process.waitUntilExit()
        if timedOut { return Output(status: -1, stdout: stdout.bytes, stderr: stderr.bytes, timedOut: true) }
        return Output(status: process.terminationStatus, stdout: stdout.bytes, stderr: stderr.bytes, truncated: stdout.truncated)
    }

    /// `git -C directory arguments…`.
    public static func git(_ arguments: [String], in directory: String, input: [UInt8]? = nil) -> Output {
        run(["git", "-C", directory] + arguments, input: input)
    }

    /// Runs `body` on a thread of its own, inside `group`.
    private static func onThread(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        Thread {
            body()
            group.leave()
        }.start()
    }

    /// One output stream as read: its reader thread is the only writer, and it is read after that
    /// thread has left the run's group.
    private final class Collected: Sendable {
        private let state = Mutex<(bytes: [UInt8], truncated: Bool)>(([], false))

        var bytes: [UInt8] { state.withLock { $0.bytes } }
        var truncated: Bool { state.withLock { $0.truncated } }

        /// Reads `handle` to its end, keeping at most `cap` bytes (the rest is read and dropped so
        /// the child never blocks on a full pipe).
        func drain(_ handle: FileHandle, cap: Int) {
            while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                state.withLock { s in
                    if s.bytes.count + chunk.count > cap { s.truncated = true }
                    if s.bytes.count < cap { s.bytes += chunk.prefix(cap - s.bytes.count) }
                }
            }
        }
    }
}
