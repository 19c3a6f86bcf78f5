import Foundation

/// Runs a poppler-utils tool (Debian `poppler-utils`) on PDF bytes given on standard input
/// (`fd://0`, so no temporary file is written), with a time limit and a cap on what it prints.
enum Poppler {
    /// Writing to a tool that already exited must fail with EPIPE, not end pubgate with SIGPIPE.
    private static let pipeSignalIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// What a tool printed, and whether it succeeded.
    struct Output {
        let status: Int32
        let stdout: [UInt8]
        let stderr: String
    }

    /// Bytes of standard output kept; a PDF's text beyond this is not a document to publish.
    static let maxOutput = 64 << 20

    /// Runs `/usr/bin/<tool> arguments…` with `input` on standard input; throws when the tool is
    /// missing or runs out of time (it is then killed).
    static func run(_ tool: String, _ arguments: [String], input: [UInt8], timeout: Double) throws(ContainerError) -> Output {
        _ = pipeSignalIgnored
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = arguments
        process.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .pdf("`\(tool)` is not installed (Debian poppler-utils)")
        }
        let group = DispatchGroup()
        let collected = Collected()
        DispatchQueue.global().async(group: group) {
            let writer = stdin.fileHandleForWriting
            // A tool that exits early closes its end: the write fails and that is fine.
            try? writer.write(contentsOf: Data(input))
            try? writer.close()
        }
        DispatchQueue.global().async(group: group) {
            collected.stdout = Self.drain(stdout.fileHandleForReading, cap: maxOutput)
        }
        DispatchQueue.global().async(group: group) {
            collected.stderr = Self.drain(stderr.fileHandleForReading, cap: 64 << 10)
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            _ = group.wait(timeout: .now() + 5)
            throw .pdf("`\(tool)` did not finish within \(Int(timeout)) s")
        }
        _ = group.wait(timeout: .now() + 5)
        return Output(
            status: process.terminationStatus, stdout: collected.stdout,
            stderr: String(decoding: collected.stderr, as: UTF8.self))
    }

    /// Reads a pipe to its end, keeping at most `cap` bytes (the rest is read and dropped so the
    /// tool never blocks on a full pipe).
    private static func drain(_ handle: FileHandle, cap: Int) -> [UInt8] {
        var out: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            if out.count < cap { out.append(contentsOf: chunk.prefix(cap - out.count)) }
        }
        return out
    }

    /// Output buffers filled by the reader threads and read after they finished.
    private final class Collected: @unchecked Sendable {
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
    }
}
