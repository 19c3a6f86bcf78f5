import Foundation
import Testing

/// Reports as people and scripts read them at scale: the language of the words (never of the
/// manifest's machine fields), `--json` on stdout, `--min-severity` in every report, a summary
/// that names a limited number of documents, and a progress line only on a terminal.
@Suite struct ReportsAtScaleTests {
    typealias CLI = ReviewCommandTests

    /// A folder of `count` drafts, each rejected for a mobile number, with `filler` lines of prose.
    static func rejectedBatch(_ count: Int, filler: Int = 0) throws -> URL {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let prose = String(repeating: "各有关单位要深入贯彻落实优化营商环境的决策部署，切实加强组织领导，确保各项任务按期完成。\n", count: filler)
        for i in 0..<count {
            let text =
                "---\ntitle: 通知\(i)\ndisclosure: 主动公开\n---\n\(prose)联系人手机1391234\(String(format: "%04d", i))，办公电话024-4217\(String(format: "%04d", i))。\n"
            try Data(text.utf8).write(to: dir.appendingPathComponent(String(format: "n%03d.md", i)))
        }
        return dir
    }

    @Test func theLanguageChangesTheWordsNeverTheManifest() throws {
        let out = try CLI.temporaryDirectory()
        let zh = try CLI.pubgate([
            "review", "Samples/drafts", "--out", out.appendingPathComponent("zh").path, "--as-of", "2025-06-30", "--format", "sarif,csv",
        ])
        let en = try CLI.pubgate([
            "review", "Samples/drafts", "--out", out.appendingPathComponent("en").path, "--as-of", "2025-06-30", "--format", "sarif,csv", "--lang",
            "en",
        ])
        #expect(zh.status == 1 && en.status == 1)
        #expect(zh.stdout.hasPrefix("pubgate 审查（审查日期 2025-06-30）：共 17 份文档，5 份通过，12 份退回") && zh.stdout.contains("退回 [不得公开]"), "\(zh.stdout)")
        #expect(en.stdout.hasPrefix("pubgate review (as of 2025-06-30): 17 documents, 5 approved, 12 rejected"), "\(en.stdout)")
        for file in ["manifest.json", "approve.json", "reject.json"] {
            let a = try Data(contentsOf: out.appendingPathComponent("zh/" + file))
            let b = try Data(contentsOf: out.appendingPathComponent("en/" + file))
            #expect(a == b, "\(file) differs between --lang zh and --lang en")
        }
        let sarif = try String(contentsOf: out.appendingPathComponent("zh/pubgate.sarif"), encoding: .utf8)
        #expect(sarif.contains("未脱敏的居民身份证号码") && sarif.contains("\"level\" : \"error\""))
        let csv = try String(contentsOf: out.appendingPathComponent("en/findings.csv"), encoding: .utf8)
        #expect(csv.contains("an unmasked resident ID number") && !csv.contains("未脱敏的居民身份证号码"))
    }

    @Test func jsonPutsOneObjectOnStdoutForReviewCheckAndSweep() throws {
        let out = try CLI.temporaryDirectory().path
        let review = try CLI.pubgate(["review", "Samples/drafts", "--out", out, "--as-of", "2025-06-30", "--json", "--format", "sarif"])
        #expect(review.status == 1, "\(review.stderr)")
        let r = try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as! [String: Any]
        #expect(r["command"] as? String == "review" && (r["summary"] as? [String: Any])?["documents"] as? Int == 17)
        let rejected = r["rejected"] as! [[String: Any]]
        #expect(rejected.count == 12 && rejected.allSatisfy { !($0["reasons"] as! [String]).isEmpty })
        #expect((r["outputs"] as! [String]).contains(out + "/pubgate.sarif"))
        let check = try CLI.pubgate(["check", "Samples/drafts/2025-heroic-deeds.md", "--as-of", "2025-06-30", "--json", "--lang", "en"])
        #expect(check.status == 1, "\(check.stderr)")
        let c = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as! [String: Any]
        let findings = c["findings"] as! [[String: Any]]
        #expect(
            c["blocked"] as? Bool == true
                && findings.contains { $0["rule"] as? String == "pi_mobile" && ($0["text"] as? String)?.contains("*") == true })
        #expect(!check.stdout.contains("13") || !check.stdout.contains("pi_mobile ["))  // no human line
        let sweep = try CLI.pubgate(["sweep", "Samples/site", "--out", CLI.temporaryDirectory().path, "--as-of", "2025-06-30", "--json"])
        let s = try JSONSerialization.jsonObject(with: Data(sweep.stdout.utf8)) as! [String: Any]
        #expect(s["command"] as? String == "sweep" && (s["items"] as! [[String: Any]]).count == (s["purge"] as! Int) + (s["relabel"] as! Int))
        #expect(sweep.status == ((s["purge"] as! Int) + (s["relabel"] as! Int) > 0 ? 1 : 0))
    }

    @Test func minSeverityFiltersEveryReportButNeverTheDecision() throws {
        let dir = try Self.rejectedBatch(3)
        let out = dir.deletingLastPathComponent().appendingPathComponent("out")
        let plain = try CLI.pubgate([
            "review", dir.path, "--out", out.appendingPathComponent("all").path, "--as-of", "2025-06-30", "--format", "csv,sarif,html,junit",
            "--min-severity", "info",
        ])
        let strict = try CLI.pubgate([
            "review", dir.path, "--out", out.appendingPathComponent("block").path, "--as-of", "2025-06-30", "--format", "csv,sarif,html,junit",
            "--min-severity", "block",
        ])
        #expect(plain.status == 1 && strict.status == 1)
        let all = try String(contentsOf: out.appendingPathComponent("all/findings.csv"), encoding: .utf8)
        let block = try String(contentsOf: out.appendingPathComponent("block/findings.csv"), encoding: .utf8)
        #expect(all.contains(",pi_landline,") && !block.contains(",pi_landline,") && block.contains(",pi_mobile,"))
        #expect(!block.components(separatedBy: "\r\n").dropFirst().contains { !$0.isEmpty && !$0.contains(",block,") })
        for report in ["pubgate.sarif", "report.html"] {
            let a = try String(contentsOf: out.appendingPathComponent("all/" + report), encoding: .utf8)
            let b = try String(contentsOf: out.appendingPathComponent("block/" + report), encoding: .utf8)
            #expect(a.contains("pi_landline") && !b.contains("pi_landline"), "\(report)")
        }
        // The record and the decision are the same either way.
        #expect(
            try Data(contentsOf: out.appendingPathComponent("all/manifest.json"))
                == Data(contentsOf: out.appendingPathComponent("block/manifest.json")))
        let check = try CLI.pubgate(["check", dir.path, "--as-of", "2025-06-30", "--min-severity", "info", "--lang", "en"])
        #expect(check.stdout.contains("pi_landline [info]") && check.stdout.contains("pi_mobile [block]"), "\(check.stdout)")
        let gate = try CLI.pubgate(["check", dir.path, "--as-of", "2025-06-30"])
        #expect(!gate.stdout.contains("pi_landline") && gate.stdout.contains("pi_mobile [阻断] 未脱敏的手机号码"), "\(gate.stdout)")
    }

    @Test func theSummaryNamesTwentyRejectedDocumentsAndCountsTheRest() throws {
        let dir = try Self.rejectedBatch(25)
        let out = dir.deletingLastPathComponent().appendingPathComponent("out").path
        let run = try CLI.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 23, "\(run.stdout)")
        #expect(lines.filter { $0.hasPrefix("  退回 [不得公开]") }.count == 20)
        #expect(run.stdout.contains("  …另有 5 份退回文档，全部列于 \(out)/reject.json"))
        let reject = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/reject.json"))) as! [String: Any]
        #expect((reject["documents"] as! [Any]).count == 25)
    }

    /// The progress line is drawn on a terminal (a pseudo-terminal here) once a run passes a
    /// second, redrawn in place and cleared; a pipe gets none.
    @Test func progressShowsOnATerminalAndNowhereElse() throws {
        // About 34 MB in 1,200 files: a few seconds of a debug build on two cores (400 files took
        // 1.3 s once Markdown was read in bytes, under the second and a half this test needs).
        let dir = try Self.rejectedBatch(1200, filler: 200)
        let out = dir.deletingLastPathComponent().appendingPathComponent("out").path
        let binary = CLI.binary.path
        let script = """
            import os, pty, sys, time
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], sys.argv[1:])
            out, start = b"", time.time()
            while True:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            _, status = os.waitpid(pid, 0)
            sys.stdout.write("%.2f\\n" % (time.time() - start))
            sys.stdout.buffer.write(out)
            """
        let tty = try CLI.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", script, binary, "review", dir.path, "--out", out, "--as-of", "2025-06-30", "--lang", "en"])
        let seconds = Double(tty.stdout.prefix { $0 != "\n" }) ?? 0
        try #require(seconds > 1.5, "the run took \(seconds) s, too short to show progress")
        #expect(
            tty.stdout.contains("\rpubgate: ") && tty.stdout.contains(" files · ") && tty.stdout.contains(" MB/s · "), "\(tty.stdout.prefix(600))")
        #expect(tty.stdout.contains(" left\u{1B}[K") && tty.stdout.contains("\r\u{1B}[K"), "the line is redrawn in place and cleared")
        #expect(tty.stdout.contains("pubgate review (as of 2025-06-30): 1200 documents"))
        let piped = try CLI.pubgate(["review", dir.path, "--out", out + "2", "--as-of", "2025-06-30"])
        #expect(piped.status == 1 && !piped.stderr.contains("MB/s") && !piped.stderr.contains("\r"), "\(piped.stderr)")
    }
}
