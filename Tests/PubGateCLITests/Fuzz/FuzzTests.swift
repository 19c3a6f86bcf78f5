import Foundation
import Synchronization
import TestSupport
import Testing

/// Seeded mutation fuzzing of the whole review: mutants of the samples, the ingest fixtures and a
/// few clean documents (ZIP packages, XML, HTML, Markdown with front matter, GB18030 and UTF-16
/// text, PDF) are reviewed by the built binary, in batches, and must never crash it, never take a
/// document more than 10 s, and never be approved when an independent reader
/// (`Scripts/fuzz_oracle.py`: Python's zipfile and expat, poppler, a strict decode) finds them
/// damaged. The suite runs a quick round; `Scripts/fuzz.sh` a long one
/// (`PUBGATE_FUZZ_MUTANTS`, `PUBGATE_FUZZ_SEED`, `PUBGATE_FUZZ_BINARY`, `PUBGATE_FUZZ_KEEP`).
@Suite struct FuzzTests {
    typealias CLI = ReviewCommandTests

    struct Outcome {
        var mutants = 0
        var approved = 0
        var crashes: [String] = []
        var hangs: [String] = []
        var unread: [String] = []
    }

    @Test func mutantsNeverCrashHangOrGetApprovedUnread() throws {
        let env = ProcessInfo.processInfo.environment
        let count = env["PUBGATE_FUZZ_MUTANTS"].flatMap(Int.init) ?? 300
        let seed = env["PUBGATE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_251_207
        let binary = URL(fileURLWithPath: env["PUBGATE_FUZZ_BINARY"] ?? CLI.binary.path)
        let work = try CLI.temporaryDirectory()
        // Trusted site settings that let clean documents pass without a 公开属性, so their mutants
        // can be approved and the oracle has something to judge; what rejects whatever the
        // settings say (unscannable, scan_incomplete, block) still does.
        let config = work.appendingPathComponent("fuzz.yml")
        try Data("attribute:\n  missing: info\n  missing_official: info\n".utf8).write(to: config)
        let seeds = try FuzzSeeds.all()
        // The clean seeds themselves are approved, or approvals of their mutants would never be judged.
        let clean = work.appendingPathComponent("clean")
        try FileManager.default.createDirectory(at: clean, withIntermediateDirectories: true)
        for (name, bytes) in seeds where name.hasPrefix("clean.") { try Data(bytes).write(to: clean.appendingPathComponent(name)) }
        let plain = Self.run(
            binary, ["review", clean.path, "--out", work.appendingPathComponent("clean-out").path, "--as-of", "2025-06-30", "--config", config.path],
            timeout: 120)
        #expect(plain.status == 0 && plain.stdout.contains("共 6 份文档，6 份通过"), "\(plain.stdout)\(plain.stderr)")
        var mutator = Mutator(random: SeededRandom(seed: seed))
        var outcome = Outcome()
        var log: [String] = []
        let batchSize = 20
        for batchStart in stride(from: 0, to: count, by: batchSize) {
            let dir = work.appendingPathComponent("batch-\(batchStart / batchSize)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            var names: [String] = []
            for k in batchStart..<min(count, batchStart + batchSize) {
                let (seedName, seedBytes) = seeds[Int.random(in: 0..<seeds.count, using: &mutator.random)]
                let (bytes, how) = mutator.mutant(of: seedBytes, name: seedName)
                let name = String(format: "m%05d.", k) + (seedName as NSString).pathExtension
                try Data(bytes).write(to: dir.appendingPathComponent(name))
                names.append(name)
                log.append("\(name) from \(seedName): \(how)")
            }
            outcome.mutants += names.count
            try review(batch: dir, names: names, binary: binary, config: config, into: &outcome)
        }
        let summary =
            "fuzz: \(outcome.mutants) mutants (seed \(seed)): \(outcome.crashes.count) crashes, \(outcome.hangs.count) hangs over 10 s, "
            + "\(outcome.unread.count) approvals of files not read in full (\(outcome.approved) approved in all)"
        print(summary)
        if let keep = env["PUBGATE_FUZZ_KEEP"], !(outcome.crashes + outcome.hangs + outcome.unread).isEmpty {
            try? FileManager.default.copyItem(at: work, to: URL(fileURLWithPath: keep))
            try? Data(log.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: keep).appendingPathComponent("mutants.log"))
        }
        let how = { (names: [String]) in names.map { n in log.first { $0.hasPrefix(n + " ") } ?? n }.joined(separator: "\n") }
        #expect(outcome.crashes.isEmpty, "crashes:\n\(how(outcome.crashes))")
        #expect(outcome.hangs.isEmpty, "hangs:\n\(how(outcome.hangs))")
        #expect(outcome.unread.isEmpty, "approved but not read in full:\n\(outcome.unread.joined(separator: "\n"))")
    }

    /// Reviews one batch; when it crashes, times out or takes over 10 s, its mutants one by one.
    func review(batch dir: URL, names: [String], binary: URL, config: URL, into outcome: inout Outcome) throws {
        let out = dir.appendingPathComponent("out")
        let run = Self.run(
            binary, ["review", dir.path, "--out", out.path, "--as-of", "2025-06-30", "--quiet", "--config", config.path], timeout: 600)
        let manifest = out.appendingPathComponent("manifest.json")
        if run.status >= 128 || run.timedOut || run.seconds > 10 || !FileManager.default.fileExists(atPath: manifest.path) {
            for name in names {
                let single = dir.appendingPathComponent("single-" + name)
                try FileManager.default.createDirectory(at: single, withIntermediateDirectories: true)
                try FileManager.default.moveItem(at: dir.appendingPathComponent(name), to: single.appendingPathComponent(name))
                let one = Self.run(
                    binary,
                    [
                        "review", single.path, "--out", single.appendingPathComponent("out").path, "--as-of", "2025-06-30", "--quiet", "--config",
                        config.path,
                    ], timeout: 10)
                if one.timedOut {
                    outcome.hangs.append(name)
                } else if one.status >= 128 {
                    outcome.crashes.append(name)
                } else {
                    try judge(single.appendingPathComponent("out/manifest.json"), into: &outcome)
                }
            }
            return
        }
        try judge(manifest, into: &outcome)
    }

    /// Counts approvals, and approvals of files the independent reader finds damaged.
    func judge(_ manifest: URL, into outcome: inout Outcome) throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as! [String: Any]
        outcome.approved += (json["summary"] as! [String: Any])["approved"] as! Int
        let oracle = Self.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", CLI.root.appendingPathComponent("Scripts/fuzz_oracle.py").path, manifest.path],
            timeout: 300)
        #expect(oracle.status == 0, "the oracle failed: \(oracle.stderr)")
        outcome.unread += oracle.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("UNREAD ") }
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        let timedOut: Bool
        let seconds: Double
    }

    /// Runs a program with a time limit (killed when it runs out), collecting its output.
    static func run(_ executable: URL, _ arguments: [String], timeout: Double) -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        let start = Date()
        do { try process.run() } catch { return Run(status: 127, stdout: "", stderr: "\(error)", timedOut: false, seconds: 0) }
        final class Box: Sendable {
            let out = Mutex(Data())
            let err = Mutex(Data())
        }
        let box = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            box.out.withLock { $0 = data }
        }
        DispatchQueue.global().async(group: group) {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            box.err.withLock { $0 = data }
        }
        let timedOut = done.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
        }
        group.wait()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Run(
            status: status, stdout: String(decoding: box.out.withLock { $0 }, as: UTF8.self),
            stderr: String(decoding: box.err.withLock { $0 }, as: UTF8.self),
            timedOut: timedOut, seconds: Date().timeIntervalSince(start))
    }
}
