import Foundation
import Testing

@testable import PubGateCore

/// The child-process runner: what goes in and comes out whole, and how a run can fail. Each run is
/// made off Swift's pool (``OwnThreads/run(_:)``), as the pipeline's workers make theirs.
@Suite struct ChildProcessTests {
    /// 3 MiB through `cat` is more than a pipe holds: input and output must flow at the same time,
    /// and standard error (200 000 bytes) is read beside them.
    @Test func theInputGoesInAndBothOutputsComeBackWhole() async {
        let input = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let out = await OwnThreads.run {
            ChildProcess.run(["sh", "-c", "cat; head -c 200000 /dev/zero | tr '\\0' e >&2"], input: input)
        }
        #expect(out.status == 0 && out.launchFailure == nil && out.ioFailure == nil && !out.truncated)
        #expect(out.stdout == input)
        #expect(out.stderr.count == 200_000 && out.stderr.allSatisfy { $0 == UInt8(ascii: "e") })
    }

    @Test func theExitStatusAndTheEnvironmentGiven() async {
        let out = await OwnThreads.run {
            ChildProcess.run(["/bin/sh", "-c", "printf %s \"$ONLY\"; exit 3"], environment: ["ONLY": "this", "PATH": "/usr/bin:/bin"])
        }
        #expect(out.status == 3 && out.text == "this" && !out.timedOut)
    }

    /// A program that is not there, or a folder that is not, is named as the reason — not read as
    /// the exit status 127 a shell would give.
    @Test func aChildThatCannotStartIsALaunchFailure() async {
        let (missing, noFolder) = await OwnThreads.run {
            (ChildProcess.run(["pubgate-test-no-such-program"]), ChildProcess.run(["true"], in: "/nonexistent/pubgate-test"))
        }
        #expect(missing.launchFailure != nil && missing.status == -1)
        #expect(noFolder.launchFailure != nil && noFolder.status == -1)
    }

    /// Killed at its time limit, the child's run ends (`sleep 30` would hold the pipes open), and
    /// what it wrote before is kept.
    @Test func aChildPastItsTimeIsKilledAndWhatItWroteIsKept() async {
        let out = await OwnThreads.run {
            ChildProcess.run(["sh", "-c", "echo started; exec sleep 30"], timeout: .milliseconds(300))
        }
        #expect(out.timedOut && out.status == -1)
        #expect(out.text == "started\n")
    }

    @Test func outputPastTheCapIsReadDroppedAndSaidSo() async {
        let out = await OwnThreads.run { ChildProcess.run(["sh", "-c", "head -c 1000000 /dev/zero"], outputCap: 4096) }
        #expect(out.status == 0 && out.truncated && out.stdout.count == 4096)
    }

    /// A wait on a pool thread could hold the threads the run's tasks need: it is refused at once.
    @Test func aRunAskedForOnThePoolStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = ChildProcess.run(["true"])
        }
    }

    /// Every worker thread may wait on poppler at once, and several reviews run together, while
    /// the runs' tasks share Swift's pool (two threads on a two-core machine): all of it finishes,
    /// and every PDF is read whole.
    @Test func manyPDFsReviewedAtOnceAllFinishAndAreReadWhole() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-test-\(lettersOnlyName())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let pdf = PDFExtractorTests.handWrittenPDF(["Notice of summer duty", "Citizen identity number 11010519491231002X"])
        for i in 0..<24 { try Data(pdf).write(to: dir.appendingPathComponent("notice-\(String(UnicodeScalar(97 + i)!)).pdf")) }
        var options = ReviewOptions(asOf: reviewDate)
        options.workers = 6
        let pipeline = ReviewPipeline(configuration: shippedConfiguration, options: options, version: "test")
        let manifests = try await withThrowingTaskGroup(of: Manifest.self) { group in
            for _ in 0..<3 { group.addTask { try await OwnThreads.run { try pipeline.run(paths: [dir.path]).manifest } } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(manifests.count == 3)
        for manifest in manifests {
            let documents = Array(manifest.documents)
            #expect(documents.count == 24)
            #expect(documents.allSatisfy { d in d.decision == .reject && d.findings.contains { $0.ruleID == "pi_resident_id_18" } })
        }
    }
}
