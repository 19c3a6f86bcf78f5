import Foundation
import Testing

/// End-to-end: runs the built `pubgate` binary as a user would and checks outputs and exit codes.
@Suite struct ReviewCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The binary under test: `PUBGATE_BINARY`, else the `pubgate` built beside these tests (the
    /// same build folder and configuration, wherever `--scratch-path` put it).
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["PUBGATE_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let tests = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return tests.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("pubgate")
    }()

    static func pubgate(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try run(binary, arguments, environment: environment)
    }

    /// Runs `executable` in `directory` with the environment plus `environment`; with
    /// `mergingOutput` stderr goes to the same pipe as stdout (and `stderr` is empty).
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: URL = root,
        mergingOutput: Bool = false
    ) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = mergingOutput ? out : Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = mergingOutput ? Data() : err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A fresh folder under this test process's own root, which is removed when the process exits.
    static func temporaryDirectory() throws -> URL {
        // Letters only: outputs mask long digit runs in paths, and a UUID can hold one.
        let dir = testRoot.appendingPathComponent("e2e-" + String((0..<20).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! }))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private static let testRoot: URL = {
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "pubgate-tests-\(getpid())") }
        return URL(fileURLWithPath: NSTemporaryDirectory() + "pubgate-tests-\(getpid())")
    }()

    /// The manifest of Samples/drafts must equal Samples/expected/manifest.json byte for byte.
    /// Re-record with PUBGATE_RECORD=1 after a deliberate change, and review the diff.
    /// A built-in pattern that does not compile stops the run before any document is read
    /// (exit 78, the pattern named), instead of switching its check off.
    @Test func aBrokenBuiltInPatternStopsTheRun() throws {
        let out = try Self.temporaryDirectory()
        let run = try Self.pubgate(
            ["review", "Samples/drafts", "--out", out.path, "--rules", "Rules"], environment: ["PUBGATE_BREAK_PATTERN": "consultationChannel"])
        #expect(run.status == 78)
        #expect(run.stderr.contains("pattern `consultationChannel` does not compile"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
    }

    @Test func samplesMatchTheExpectedManifest() throws {
        let out = try Self.temporaryDirectory()
        let run = try Self.pubgate(["review", "Samples/drafts", "--out", out.path, "--as-of", "2025-06-30", "--rules", "Rules"])
        #expect(run.status == 1, "\(run.stderr)")
        let actual = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        let expectedURL = Self.root.appendingPathComponent("Samples/expected/manifest.json")
        if ProcessInfo.processInfo.environment["PUBGATE_RECORD"] == "1" {
            try actual.write(to: expectedURL)
        }
        let expected = try Data(contentsOf: expectedURL)
        #expect(actual == expected, "manifest differs from Samples/expected/manifest.json; diff \(out.path)/manifest.json against it")
        for name in ["approve.json", "reject.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
        }
        #expect(run.stdout.contains("rejected"))
    }

    @Test func everyInputAppearsExactlyOnceAndNothingLeaks() throws {
        let out = try Self.temporaryDirectory()
        _ = try Self.pubgate(["review", "Samples/drafts", "Samples/drafts/2025-camera-sites.xml", "--out", out.path, "--rules", "Rules"])
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as! [String: Any]
        let paths = (manifest["documents"] as! [[String: Any]]).map { $0["path"] as! String }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Samples/drafts").path)
        #expect(paths.count == files.count)
        #expect(Set(paths).count == paths.count)
        let text = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(!text.contains("210502198804120338"))
        #expect(!text.contains("13941478826"))
    }

    /// A file's name is published as part of its address: an ID in it rejects the file.
    @Test func anIDInTheFileNameRejectsTheFile() throws {
        let dir = try Self.temporaryDirectory()
        try Data("关于某事项的通知\n正文。\n（此件公开发布）\n".utf8).write(to: dir.appendingPathComponent("张三11010519491231002X.txt"))
        let out = dir.appendingPathComponent("out").path
        let run = try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--quiet"])
        #expect(run.status == 1, "\(run.stderr)")
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"part\" : \"file-name\"") && manifest.contains("\"rule\" : \"pi_resident_id_18\""))
    }

    @Test func showMatchesPutsTheTextInTheManifest() throws {
        let out = try Self.temporaryDirectory()
        _ = try Self.pubgate(["review", "Samples/drafts/2025-service-contact-utf16.txt", "--out", out.path, "--show-matches", "--rules", "Rules"])
        let text = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(text.contains("13941478826"))
    }

    @Test func brokenRuleExitsSeventyEightNamingFileRuleAndOffset() throws {
        let dir = try Self.temporaryDirectory()
        try
            "version: 1\nrules:\n  - id: bad_one\n    title: t\n    kind: format\n    severity: fix\n    pattern: '[unclosed'\n    examples: {match: [x]}\n"
            .write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        // Twice with a cache folder of its own: the first run stores the decoded rule file, the
        // second reads it back, and the pattern must stop that run as well.
        let cache = dir.appendingPathComponent("cache").path
        for pass in 1...2 {
            let run = try Self.pubgate(
                ["review", "Samples/drafts", "--out", dir.appendingPathComponent("o").path, "--rules", dir.path],
                environment: ["PUBGATE_CACHE_DIR": cache])
            #expect(run.status == 78, "run \(pass)")
            #expect(run.stderr.contains("bad.yaml"))
            #expect(run.stderr.contains("bad_one"))
            #expect(run.stderr.contains("offset 9"))
            let cached = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
            #expect(cached.contains { $0.hasPrefix("decoded-rules-") }, "run \(pass): \(cached)")
        }
    }

    @Test func unreadableAndUndecodableInputsExitSixtyFiveAndAreRejected() throws {
        let dir = try Self.temporaryDirectory()
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]).write(to: dir.appendingPathComponent("scan.png"))
        try Data([0x61, 0xFF, 0xFE, 0xFF, 0x62]).write(to: dir.appendingPathComponent("bad.txt"))
        let out = dir.appendingPathComponent("out")
        let run = try Self.pubgate(["review", dir.path, dir.appendingPathComponent("missing.txt").path, "--out", out.path, "--rules", "Rules"])
        #expect(run.status == 65)
        // Said on stderr in Chinese by default, the reason too (issue 23), in English with --lang en.
        #expect(run.stderr.contains("scan.png: 无法扫描：二进制内容（含 NUL 或控制字节），不是文本文档"), "\(run.stderr)")
        #expect(run.stderr.contains("既不是有效的 UTF-8，也不是有效的 GB18030"))
        #expect(run.stderr.contains("missing.txt: 无法读取：文件或文件夹不存在"))
        #expect(!run.stderr.contains("binary content") && !run.stderr.contains("no such file"))
        let english = try Self.pubgate([
            "review", dir.path, dir.appendingPathComponent("missing.txt").path, "--out", out.path, "--rules", "Rules", "--lang", "en",
        ])
        #expect(english.status == 65)
        #expect(english.stderr.contains("binary content"))
        #expect(english.stderr.contains("neither valid UTF-8 nor valid GB18030"))
        #expect(english.stderr.contains("no such file"))
        let reject = try String(contentsOf: out.appendingPathComponent("reject.json"), encoding: .utf8)
        #expect(reject.contains("scan.png") && reject.contains("bad.txt") && reject.contains("missing.txt"))
    }

    /// What a review leaves out is said in the summary's language, the reason too (issue 23).
    @Test func theFilesLeftOutAreListedWithTheirReasonInChineseByDefault() throws {
        let dir = try Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("通知。\n".utf8).write(to: dir.appendingPathComponent("a.txt"))
        let out = dir.appendingPathComponent("out").path
        let zh = try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30"])
        #expect(zh.stdout.contains("未审查：\(dir.path)/.git（版本控制数据，不是文档）"), "\(zh.stdout)")
        let en = try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--lang", "en"])
        #expect(en.stdout.contains("not reviewed: \(dir.path)/.git (version-control data, not a document)"), "\(en.stdout)")
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("version-control data, not a document") && !manifest.contains("reasonID"))
    }

    @Test func usageErrorExitsSixtyFour() throws {
        #expect(try Self.pubgate(["review", "Samples/drafts"]).status == 64)
        #expect(try Self.pubgate(["review", "x", "--out", "/tmp/x", "--as-of", "2025-13-40"]).status == 64)
    }

    @Test func anUnknownFirstWordIsAnErrorWithASuggestionAndAPathRunsAReview() throws {
        let typo = try Self.pubgate(["revue", "Samples/drafts", "--out", "/nonexistent"])
        #expect(typo.status == 64 && typo.stderr.contains("unknown command `revue`; did you mean `pubgate review`?"), "\(typo.stderr)")
        #expect(try Self.pubgate(["sweeep", "x"]).stderr.contains("did you mean `pubgate sweep`?"))
        let out = try Self.temporaryDirectory()
        let run = try Self.pubgate(["Samples/drafts/2025-heroic-deeds.md", "--out", out.path, "--as-of", "2025-06-30", "--quiet"])
        #expect(run.status == 1 && FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path), "\(run.stderr)")
    }

    /// Every code of Pipeline.md's exit-code table is explained in `pubgate --help`.
    @Test func topLevelHelpListsEveryExitCode() throws {
        let help = try Self.pubgate(["--help"]).stdout
        let pipeline = try String(contentsOf: Self.root.appendingPathComponent("Pipeline.md"), encoding: .utf8)
        let table = pipeline.components(separatedBy: "## Exit codes")[1].split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.first.flatMap { Int($0) }.map(String.init)
        }
        #expect(table == ["0", "1", "64", "65", "73", "74", "75", "78"])
        for code in table { #expect(help.contains("\n  \(code) "), "exit code \(code) missing from --help") }
    }

    @Test func aWriteErrorNamesThePathInPlainWordsAndExitsSeventyThree() throws {
        let dir = try Self.temporaryDirectory()
        try Data().write(to: dir.appendingPathComponent("file"))
        let run = try Self.pubgate(["review", "Samples/drafts/2025-heroic-deeds.md", "--out", dir.path + "/file/out", "--as-of", "2025-06-30"])
        #expect(run.status == 73, "\(run.stderr)")
        // The output set is made first: the folder it cannot make is named.
        #expect(
            run.stderr.contains("cannot write \(dir.path)/file/out: \(dir.path)/file is a file, not a folder")
                && !run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
        // --out naming the file itself, and a folder its file system will not make.
        let file = try Self.pubgate(["review", "Samples/drafts/2025-heroic-deeds.md", "--out", dir.path + "/file", "--as-of", "2025-06-30"])
        #expect(
            file.status == 73 && file.stderr.contains("cannot write \(dir.path)/file: \(dir.path)/file is a file, not a folder"), "\(file.stderr)")
        let proc = try Self.pubgate(["review", "Samples/drafts/2025-heroic-deeds.md", "--out", "/proc/ro", "--as-of", "2025-06-30"])
        #expect(proc.status == 73 && proc.stderr.contains("cannot write /proc/ro: /proc accepts no new folders"), "\(proc.stderr)")
    }

    @Test func rulesCheckPasses() throws {
        let run = try Self.pubgate(["rules", "check", "--rules", "Rules"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("0 example failures"))
        #expect(run.stdout.contains("validity phrasings, their examples checked"))
    }

    /// With a warm cache of decoded configuration, and with every cache file damaged, a run gives
    /// what a run without a cache gives: the reviewed tree's file still may only tighten, a
    /// loosening written after a tightening was cached is refused.
    @Test func aWarmOrDamagedConfigurationCacheChangesNothing() throws {
        let dir = try Self.temporaryDirectory()
        let draft = "---\ntitle: 值班安排\ndisclosure: 主动公开\n---\n值班手机：13912345678。\n"
        try Data(draft.utf8).write(to: dir.appendingPathComponent("a.md"))
        let tree = dir.appendingPathComponent(".pubgate.yml")
        // Outside the reviewed folder, as the user's cache folder is.
        let caches = try Self.temporaryDirectory()
        let cache = caches.appendingPathComponent("cache").path
        let out = caches.appendingPathComponent("out").path
        func review(cached: Bool) throws -> Run {
            try Self.pubgate(
                ["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--rules", "Rules"],
                environment: ["PUBGATE_CACHE_DIR": cached ? cache : caches.appendingPathComponent("cache-\(UUID().uuidString)").path])
        }
        try Data("decision:\n  reject: [block, review, fix, warn]\nseverity:\n  landline: review\n".utf8).write(to: tree)
        let fresh = try review(cached: false)
        #expect(fresh.status == 1, "\(fresh.stderr)")
        for pass in ["cold", "warm"] {
            let run = try review(cached: true)
            #expect(run.status == fresh.status && run.stdout == fresh.stdout, "\(pass)")
        }
        let stored = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("decoded-") }
        #expect(stored.contains { $0.hasPrefix("decoded-yaml-") } && stored.contains { $0.hasPrefix("decoded-settings-") }, "\(stored)")
        try Data("public_numbers: [\"13912345678\"]\n".utf8).write(to: tree)
        let loosened = try review(cached: true)
        #expect(loosened.status == 78 && loosened.stderr.contains(tree.path), "\(loosened.stderr)")
        // Every cache file damaged (its last byte changed): decoded again, the same results.
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) where name.hasPrefix("decoded-") {
            let path = cache + "/" + name
            var bytes = try #require(FileManager.default.contents(atPath: path))
            bytes[bytes.count - 1] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: path))
        }
        #expect(try review(cached: true).status == 78)
        try Data("decision:\n  reject: [block, review, fix, warn]\nseverity:\n  landline: review\n".utf8).write(to: tree)
        let again = try review(cached: true)
        #expect(again.status == fresh.status && again.stdout == fresh.stdout)
    }

    /// The site's own file (`--config`) may loosen; a `.pubgate.yml` in the reviewed tree, written
    /// by whoever submits the drafts, may only tighten, and is named with its hash in the manifest.
    @Test func treeSettingsOnlyTightenAndAreNamedWhileTheSiteFileMayLoosen() throws {
        let dir = try Self.temporaryDirectory()
        let draft = "---\ntitle: 值班安排\ndisclosure: 主动公开\n---\n值班手机：13912345678。\n"
        try Data(draft.utf8).write(to: dir.appendingPathComponent("a.md"))
        let out = dir.appendingPathComponent("out").path
        #expect(try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--quiet"]).status == 1)
        let tree = dir.appendingPathComponent(".pubgate.yml")
        for loosening in [
            "public_numbers: [\"13912345678\"]", "severity:\n  pi_mobile: info", "severity:\n  mobile: warn", "decision:\n  reject: [block]",
        ] {
            try Data((loosening + "\n").utf8).write(to: tree)
            let refused = try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--quiet"])
            #expect(
                refused.status == 78 && refused.stderr.contains(tree.path) && refused.stderr.contains("--config"), "\(loosening): \(refused.stderr)")
        }
        try FileManager.default.removeItem(at: tree)
        let site = try Self.temporaryDirectory().appendingPathComponent("site.yml")
        try Data("public_numbers: [\"13912345678\"]\n".utf8).write(to: site)
        #expect(try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--quiet", "--config", site.path]).status == 0)
        let show = try Self.pubgate(["config", "show", dir.path, "--config", site.path])
        #expect(show.status == 0 && show.stdout.contains("public_numbers: [13912345678]  # \(site.path)"))
        // Tightening from the tree applies on top of the site's file, and the manifest names both.
        try Data("attribute:\n  missing: block\nseverity:\n  landline: review\n".utf8).write(to: tree)
        let stricter = try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--config", site.path])
        #expect(stricter.status == 0, "\(stricter.stderr)")
        #expect(stricter.stdout.contains("设置文件：\(tree.path)（reviewed-tree，sha256 "), "\(stricter.stdout)")
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"role\" : \"reviewed-tree\"") && manifest.contains("\"role\" : \"config\""))
        let digest = Process()
        digest.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        digest.arguments = [tree.path]
        let pipe = Pipe()
        digest.standardOutput = pipe
        try digest.run()
        let sum = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        digest.waitUntilExit()
        #expect(sum.count == 64 && manifest.contains("\"sha256\" : \"\(sum)\""))
        let shown = try Self.pubgate(["config", "show", dir.path, "--config", site.path]).stdout
        #expect(shown.contains("attribute.missing: block  # \(tree.path)") && shown.contains("severity.landline: at least review  # \(tree.path)"))
        try Data("public_number: []\n".utf8).write(to: tree)
        let bad = try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30"])
        #expect(bad.status == 78 && bad.stderr.contains("`public_number`: unknown key"))
    }

    /// Every setting is checked beyond its type, with the file and the key in the message.
    @Test func settingsOutOfRangeOrNamingNoRuleStopTheRun() throws {
        let dir = try Self.temporaryDirectory()
        try Data("正文。\n".utf8).write(to: dir.appendingPathComponent("a.txt"))
        let site = dir.appendingPathComponent("site.yml")
        let cases = [
            ("masking:\n  resident_id: \"banana\"\n", "masking.resident_id"),
            ("publication:\n  normative:\n    default_years: -3\n", "publication.normative.default_years"),
            ("publication:\n  normative:\n    default_years: 0\n", "publication.normative.default_years"),
            ("publication:\n  consultation:\n    min_workdays: 0\n", "publication.consultation.min_workdays"),
            ("public_numbers: [\"call us\"]\n", "public_numbers"),
            ("severity:\n  no_such_rule: info\n", "severity.no_such_rule"),
            ("archive:\n  source_organization: \"a\\nExternal-Identifier: x\"\n", "archive.source_organization"),
            ("decision:\n  reject: [blok]\n", "decision.reject"),
            ("sweep:\n  rebuild:\n    timeout_seconds: -1\n", "sweep.rebuild.timeout_seconds"),
            ("sweep:\n  rebuild:\n    timeout_seconds: 0\n", "sweep.rebuild.timeout_seconds"),
            ("sweep:\n  rebuild:\n    command: [\"\", \"--gc\"]\n", "sweep.rebuild.command"),
            ("sweep:\n  rebuild:\n    output: \"\"\n", "sweep.rebuild.output"),
            ("sweep:\n  git:\n    author: \"a\\nb <c@d>\"\n", "sweep.git.author"),
        ]
        for (yaml, key) in cases {
            try Data(yaml.utf8).write(to: site)
            let run = try Self.pubgate(["review", dir.path, "--out", dir.appendingPathComponent("out").path, "--config", site.path])
            #expect(run.status == 78 && run.stderr.contains(site.path) && run.stderr.contains(key), "\(yaml): \(run.stderr)")
        }
    }

    @Test func monthlyReportWritesJSONAndCSV() throws {
        let dir = try Self.temporaryDirectory()
        let page = "---\ntitle: 关于调整办公时间的通知\ndoc_no: 本公通〔2025〕9号\nwritten_date: 2025-06-10\ndate: 2025-06-17\ndisclosure: 主动公开\n---\n正文。\n"
        try Data(page.utf8).write(to: dir.appendingPathComponent("a.md"))
        let out = dir.appendingPathComponent("out").path
        let run = try Self.pubgate(["report", "monthly", "--month", "2025-06", dir.path, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try String(contentsOfFile: out + "/monthly-2025-06.json", encoding: .utf8)
        #expect(json.contains("本公通〔2025〕9号") && json.contains("\"publish_date\" : \"2025-06-17\""))
        let csv = try String(contentsOfFile: out + "/monthly-2025-06.csv", encoding: .utf8)
        #expect(csv.contains("本公通〔2025〕9号,关于调整办公时间的通知,2025-06-10,2025-06-17,"))
        #expect(try Self.pubgate(["report", "monthly", "--month", "2025-6x", dir.path, "--out", out]).status == 64)
    }

    @Test func baselineUpdateAcceptsFindingsAndStaleEntriesCanFailTheRun() throws {
        let dir = try Self.temporaryDirectory()
        let page = dir.appendingPathComponent("b.md")
        try Data("---\ntitle: 失物招领\ndisclosure: 主动公开\n---\n失主电话13987654321\n".utf8).write(to: page)
        let out = try Self.temporaryDirectory().path
        #expect(try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--quiet"]).status == 1)
        #expect(try Self.pubgate(["baseline", "update", dir.path, "--reason", ""]).status == 64)
        let update = try Self.pubgate(["baseline", "update", dir.path, "--reason", "存量页面，经审核保留", "--as-of", "2025-06-30"])
        #expect(update.status == 0 && update.stdout.contains("1 accepted findings"), "\(update.stdout)\(update.stderr)")
        let baseline = try String(contentsOf: dir.appendingPathComponent(".pubgate/baseline.json"), encoding: .utf8)
        #expect(baseline.contains("存量页面") && !baseline.contains("13987654321"))
        #expect(try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--quiet"]).status == 0)
        try Data("---\ntitle: 失物招领\ndisclosure: 主动公开\n---\n请到窗口领取。\n".utf8).write(to: page)
        let stale = try Self.pubgate(["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--quiet", "--fail-on-stale"])
        #expect(stale.status == 1 && stale.stderr.contains("stale baseline suppression of pi_mobile"))
    }
}
