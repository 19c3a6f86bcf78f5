import Foundation
import Testing

/// End-to-end: the built binary on the DOCX, XLSX, OFD and PDF drafts a 政务公开 office receives,
/// and on hostile archives.
@Suite struct ContainerReviewCommandTests {
    static let fixtures = ReviewCommandTests.root.appendingPathComponent("Tests/Fixtures/Ingest")

    /// Copies fixtures into a fresh folder, reviews it, and returns the run and the manifest's documents by file name.
    static func review(_ names: [String]) throws -> (ReviewCommandTests.Run, [String: [String: Any]], URL) {
        let dir = try ReviewCommandTests.temporaryDirectory()
        let drafts = dir.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: drafts.appendingPathComponent(name))
        }
        let out = dir.appendingPathComponent("out")
        let run = try ReviewCommandTests.pubgate([
            "review", drafts.path, "--out", out.path, "--as-of", "2025-06-30", "--rules", "Rules", "--format", "sarif,html",
        ])
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as! [String: Any]
        var byName: [String: [String: Any]] = [:]
        for d in manifest["documents"] as! [[String: Any]] { byName[((d["path"] as! String) as NSString).lastPathComponent] = d }
        return (run, byName, out)
    }

    /// Runs the binary and returns its exit status and peak resident memory in KiB, as the process
    /// itself reads it (`VmHWM`, printed with `PUBGATE_TIMINGS=1`). Not `wait4`'s `ru_maxrss`: a
    /// child spawned with `posix_spawn` shares this test process's memory until it execs, and the
    /// kernel counts that high-water mark as the child's, so it measured the test process.
    static func statusAndPeakMemory(_ arguments: [String]) throws -> (status: Int32, kib: Int) {
        let run = try ReviewCommandTests.run(
            ReviewCommandTests.binary, arguments, environment: ["PUBGATE_TIMINGS": "1"])
        let peaks = run.stderr.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("peak_mb=") }.flatMap { Int($0.dropFirst("peak_mb=".count)) }
        }
        return (run.status, (peaks.max() ?? Int.max / 1024) * 1024)
    }

    static func findings(_ document: [String: Any]?) -> [[String: Any]] {
        document?["findings"] as? [[String: Any]] ?? []
    }

    static func finding(_ document: [String: Any]?, rule: String) -> (part: String, container: String)? {
        guard let f = findings(document).first(where: { $0["rule"] as? String == rule }) else { return nil }
        return (f["part"] as? String ?? "", (f["location"] as? [String: Any])?["container"] as? String ?? "")
    }

    @Test func everyDraftIsRejectedWithTheFindingAtTheRightPlace() throws {
        let (run, docs, out) = try Self.review([
            "word-deleted-id.docx", "word-comment-mobile.docx", "word-header-secret.docx", "sheet-hidden-ids.xlsx", "notice-id.ofd",
            "text-id.pdf", "scanned.pdf",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(docs.values.allSatisfy { $0["decision"] as? String == "reject" })
        #expect(Self.finding(docs["word-deleted-id.docx"], rule: "pi_resident_id_18")! == ("deleted-revision", "word/document.xml ¶2"))
        #expect(Self.finding(docs["word-comment-mobile.docx"], rule: "pi_mobile")! == ("comment", "word/comments.xml ¶1"))
        #expect(Self.finding(docs["word-header-secret.docx"], rule: "sec_mark_header")! == ("header", "word/header1.xml ¶1"))
        #expect(
            Self.findings(docs["sheet-hidden-ids.xlsx"]).contains {
                $0["rule"] as? String == "pi_resident_id_18" && ($0["location"] as? [String: Any])?["container"] as? String == "原始数据!B2"
            })
        #expect(Self.finding(docs["sheet-hidden-ids.xlsx"], rule: "sheet_id_as_number")?.part == "hidden-sheet")
        #expect(Self.finding(docs["notice-id.ofd"], rule: "pi_resident_id_18")?.container == "Doc_0/Pages/Page_0/Content.xml page 1 line 3")
        #expect(Self.finding(docs["text-id.pdf"], rule: "pi_resident_id_18")?.container == "page 2 line 3")
        #expect(docs["scanned.pdf"]?["disposition"] as? String == "review")
        #expect(Self.finding(docs["scanned.pdf"], rule: "pdf_needs_ocr") != nil)
        #expect(docs["sheet-hidden-ids.xlsx"]?["format"] as? String == "xlsx")
        // Nothing found is repeated in any output.
        for file in ["manifest.json", "pubgate.sarif", "report.html"] {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            for secret in ["110105199003071239", "13941478826", "210502198506120436", "110105197209114565"] {
                #expect(!text.contains(secret), "\(file) repeats a planted value")
            }
        }
        let sarif = try String(contentsOf: out.appendingPathComponent("pubgate.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"fullyQualifiedName\" : \"原始数据!B2\""))
    }

    @Test func hostileArchivesAreUnscannableQuicklyInBoundedMemoryAndWriteNothing() throws {
        let (run, docs, out) = try Self.review(["bomb.docx", "traversal.docx", "encrypted.docx"])
        #expect(run.status == 65, "\(run.stderr)")
        for name in ["bomb.docx", "traversal.docx", "encrypted.docx"] {
            #expect(docs[name]?["decision"] as? String == "reject")
            #expect(Self.findings(docs[name]).first?["kind"] as? String == "unscannable")
        }
        // The same review again as a child of its own, for its peak memory: the bomb inflates to 128 MiB.
        let again = try Self.statusAndPeakMemory([
            "review", out.deletingLastPathComponent().appendingPathComponent("drafts").path, "--out",
            out.deletingLastPathComponent().appendingPathComponent("again").path, "--as-of", "2025-06-30", "--rules",
            ReviewCommandTests.root.appendingPathComponent("Rules").path,
        ])
        #expect(again.status == 65)
        #expect(again.kib < 120 * 1024, "the review used \(again.kib) KiB")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pubgate-traversal-canary.txt"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pubgate-absolute-canary.txt"))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path).sorted()
        #expect(written == ["again", "drafts", "out"])
        let draftsNow = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().appendingPathComponent("drafts").path)
        #expect(draftsNow.count == 3)
    }
}
