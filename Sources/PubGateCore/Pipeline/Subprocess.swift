import Foundation

/// Runs a program (through `env`, so PATH decides, unless the program is given as an absolute
/// path) and collects its exit status and output: git for the gate and the sweep, poppler-utils for
/// PDFs.
///
/// Input is written and both outputs are read on their own threads, so no pipe can fill up and
/// stall the child. With a `timeout` the child is killed when it runs out of time; output beyond
/// `outputCap` bytes is read and dropped.
public enum Subprocess {
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: Data
        /// The child was killed because it did not finish within the timeout.
        public var timedOut = false
        /// Standard output went past the cap: what is kept is only its beginning.
        public var truncated = false

        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Writing to a child that already exited must fail with EPIPE, not end pubgate with SIGPIPE.
    private static let pipeSignalIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    public static func run(
        _ arguments: [String], in directory: String? = nil, input: Data? = nil, environment: [String: String]? = nil,
        timeout: Double? = nil, outputCap: Int = .max
    ) -> Output {
        _ = pipeSignalIgnored
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        let finished = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in finished.signal() }
        do { try p.run() } catch { return Output(status: 127, stdout: Data(), stderr: Data("\(error)".utf8)) }
        let group = DispatchGroup()
        let collected = Collected()
        if let input {
            let writer = inPipe.fileHandleForWriting
            DispatchQueue.global().async(group: group) {
                // A child that exits early closes its end: the write fails and that is fine.
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        DispatchQueue.global().async(group: group) {
            (collected.stdout, collected.truncated) = drain(out.fileHandleForReading, cap: outputCap)
        }
        DispatchQueue.global().async(group: group) { collected.stderr = drain(err.fileHandleForReading, cap: outputCap).data }
        if let timeout, finished.wait(timeout: .now() + timeout) == .timedOut {
            p.terminate()
            kill(p.processIdentifier, SIGKILL)
            _ = group.wait(timeout: .now() + 5)
            return Output(status: -1, stdout: collected.stdout, stderr: collected.stderr, timedOut: true)
        }
        group.wait()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: collected.stdout, stderr: collected.stderr, truncated: collected.truncated)
    }

    /// `git -C directory arguments…`.
    public static func git(_ arguments: [String], in directory: String, input: Data? = nil) -> Output {
        run(["git", "-C", directory] + arguments, input: input)
    }

    /// Reads a pipe to its end, keeping at most `cap` bytes (the rest is read and dropped so the
    /// child never blocks on a full pipe); says whether anything was dropped.
    private static func drain(_ handle: FileHandle, cap: Int) -> (data: Data, truncated: Bool) {
        var out = Data()
        var truncated = false
        while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            if out.count + chunk.count > cap { truncated = true }
            if out.count < cap { out.append(chunk.prefix(cap - out.count)) }
        }
        return (out, truncated)
    }

    /// Output buffers filled by the reader threads and read after they finished.
    private final class Collected: @unchecked Sendable {
        var stdout = Data()
        var stderr = Data()
        var truncated = false
    }
}
