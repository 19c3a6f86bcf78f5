import Foundation

/// Runs a poppler-utils tool (Debian `poppler-utils`) on PDF bytes given on standard input
/// (`fd://0`, so no temporary file is written), through ``ChildProcess`` (swift-subprocess), with
/// a time limit and a cap on what it prints; what it says on stderr is kept (its first 64 KiB) for
/// ``Output/problems``. Anything short of the tool's whole output read — not started, killed at
/// the time limit, output past the cap, a read that failed — throws: the PDF is then unscannable,
/// never approved.
enum Poppler {
    /// What a tool printed, and whether it succeeded.
    struct Output {
        let status: Int32
        let stdout: [UInt8]
        let stderr: String

        /// The problems poppler reported while reading (`Syntax Error (373): Unknown operator
        /// 'Tk'`, `Syntax Warning: …`, `Internal Error: …`): each means it skipped or guessed at
        /// part of the file, and what it skipped may be the line that mattered.
        var problems: [String] {
            stderr.split(separator: "\n").map(String.init).filter { $0.contains("Error") || $0.contains("Warning") }
        }
    }

    /// Bytes of standard output kept; a PDF's text beyond this is not a document to publish.
    static let maxOutput = 64 << 20

    /// Runs `/usr/bin/<tool> arguments…` with `input` on standard input; throws when the tool is
    /// missing, cannot be started, runs out of time (it is then killed) or its output was not read
    /// in full.
    static func run(_ tool: String, _ arguments: [String], input: [UInt8], timeout: Double) throws(ContainerError) -> Output {
        let path = "/usr/bin/" + tool
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw .pdf("`\(tool)` is not installed (Debian poppler-utils)")
        }
        let output = ChildProcess.run(
            [path] + arguments, input: input, environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"], timeout: .seconds(timeout),
            outputCap: maxOutput)
        if let failure = output.launchFailure { throw .pdf("`\(tool)` could not be started: \(failure)") }
        if output.timedOut { throw .pdf("`\(tool)` did not finish within \(Int(timeout)) s") }
        if let failure = output.ioFailure { throw .pdf("`\(tool)`'s output could not be read to its end: \(failure)") }
        if output.truncated { throw .pdf("`\(tool)` printed more than \(maxOutput >> 20) MiB; the rest would go unread") }
        return Output(status: output.status, stdout: output.stdout, stderr: String(decoding: output.stderr.prefix(64 << 10), as: UTF8.self))
    }
}
