import Foundation

/// Runs a program (through `env`, so PATH decides) and collects its exit status and output; git is
/// the only program pubgate runs.
public enum Subprocess {
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: Data

        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    public static func run(_ arguments: [String], in directory: String? = nil, input: Data? = nil) -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        do { try p.run() } catch { return Output(status: 127, stdout: Data(), stderr: Data("\(error)".utf8)) }
        if let input {
            // Write from another thread: a large input fills the output pipe while it is written.
            let writer = inPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                try? writer.close()
            }
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: o, stderr: e)
    }

    /// `git -C directory arguments…`.
    public static func git(_ arguments: [String], in directory: String, input: Data? = nil) -> Output {
        run(["git", "-C", directory] + arguments, input: input)
    }
}
