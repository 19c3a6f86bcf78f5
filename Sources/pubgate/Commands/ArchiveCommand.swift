import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate archive`: check what the sweep archived.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Verify sweep archives.",
        subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check every checksum of a BagIt archive (.tar.gz); exit 0 valid, 1 invalid, 65 unreadable.",
            discussion: "Example:\n  pubgate archive verify sweep-out/pubgate-sweep-20250630-1a2b3c4d5e6f.tar.gz")

        @Argument(help: "The archive file.")
        var file: String

        func run() throws {
            guard FileManager.default.isReadableFile(atPath: file) else {
                FileHandle.standardError.write(Data("error: cannot read \(file)\n".utf8))
                throw ExitStatus.unreadableInput
            }
            let problems = BagVerifier.verify(archive: file)
            if problems.isEmpty {
                print("\(file): valid BagIt 1.0 bag, every checksum verified")
                return
            }
            for p in problems { print("INVALID \(p)") }
            throw ExitStatus.rejected
        }
    }
}
