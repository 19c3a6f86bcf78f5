import Foundation
import TestSupport
import Testing

/// End-to-end tests of `pubgate sweep` on a copy of a small Hugo site: the dry run, the archive,
/// and crash safety of `--apply` (killed at every journal step through the fault hook).
@Suite(.serialized) struct SweepCommandTests {
    typealias CLI = ReviewCommandTests

    /// A Hugo site with pages due for every main trigger and pages to keep.
    static func makeSite() throws -> URL {
        let root = try CLI.temporaryDirectory().appendingPathComponent("site")
        let pages: [String: String] = [
            "hugo.toml": "title = \"测试市公安局\"\n",
            "content/gfxwj/old-2017.md":
                "---\ntitle: 关于加强烟花爆竹销售管理的规定\nparams:\n  xxgk:\n    doc_no: 测公发〔2017〕3号\n    catalog: 规范性文件\n    validity: 失效\n---\n第三条　本规定自2017年4月1日起施行。\n",
            "content/gfxwj/rules-2021.md":
                "---\ntitle: 关于网吧治安管理的规定\ndate: 2021-04-26\nparams:\n  xxgk:\n    doc_no: 测公发〔2021〕6号\n    catalog: 规范性文件\n    validity: 有效\n---\n第三条　本规定自2021年5月1日起施行，有效期5年。\n",
            "content/gfxwj/rules-2024.md":
                "---\ntitle: 关于网吧治安管理的规定\ndate: 2024-06-24\nparams:\n  xxgk:\n    doc_no: 测公发〔2024〕7号\n    catalog: 规范性文件\n    validity: 有效\n---\n第四条　本规定自2024年7月1日起施行，有效期5年。《关于网吧治安管理的规定》（测公发［2021］6号）同时废止。\n",
            "content/zcjd/jd-2021.md":
                "---\ntitle: 《关于网吧治安管理的规定》解读\ndate: 2021-04-27\nparams:\n  xxgk:\n    interprets: 测公发〔2021〕6号\n---\n解读单位：治安支队\n解读人：何志强\n解读电话：024-42286412\n",
            "content/tzgg/gs-2025.md": "---\ntitle: 拟聘用人员公示\ndate: 2025-05-06\n---\n公示期：2025年5月6日至2025年5月12日。\n",
            "content/tzgg/notice-future.md": "---\ntitle: 冬季冰面通行通告\nexpiryDate: 2025-12-31T00:00:00+08:00\n---\n严禁在冰面通行。\n",
            "content/jwdt/news.md": "---\ntitle: 省厅清理一批文件\ndate: 2024-09-02\n---\n《某省公安厅关于犬类管理的通知》（某公通〔2010〕45号）等6件文件予以废止。\n",
            "public/gfxwj/old-2017/index.html": "<html>rendered</html>\n",
        ]
        for (path, text) in pages {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static let due = [
        "content/gfxwj/old-2017.md", "content/gfxwj/rules-2021.md", "content/zcjd/jd-2021.md", "content/tzgg/gs-2025.md",
        "public/gfxwj/old-2017/index.html",
    ]

    static func sweep(_ site: URL, _ out: URL, _ extra: [String] = [], fault: String? = nil) throws -> CLI.Run {
        try CLI.pubgate(
            ["sweep", site.path, "--as-of", "2025-06-30", "--out", out.path] + extra, environment: fault.map { ["PUBGATE_FAULT": $0] } ?? [:])
    }

    /// Bytes of every file in the verified archives of `out`, by site-relative path.
    static func archived(in out: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".tar.gz") {
            let archive = out.appendingPathComponent(name).path
            guard try CLI.pubgate(["archive", "verify", archive]).status == 0 else { continue }
            let dir = try CLI.temporaryDirectory()
            let tar = Process()
            tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            tar.arguments = ["tar", "-xzf", archive, "-C", dir.path]
            try tar.run()
            tar.waitUntilExit()
            let bag = dir.appendingPathComponent(String(name.dropLast(".tar.gz".count))).appendingPathComponent("data")
            for case let path as String in FileManager.default.enumerator(atPath: bag.path) ?? FileManager.default.enumerator(atPath: "/nonexistent")!
            {
                if FileManager.default.isFile(atPath: bag.appendingPathComponent(path).path) {
                    files[path] = FileManager.default.contents(atPath: bag.appendingPathComponent(path).path)
                }
            }
        }
        return files
    }

    /// The sweep of Samples/site must equal Samples/expected/purge.json byte for byte
    /// (re-record with PUBGATE_RECORD=1 after a deliberate change, and review the diff).
    @Test func sampleSiteMatchesTheExpectedPurgeList() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.pubgate(["sweep", "Samples/site", "--as-of", "2025-06-30", "--out", out.path, "--rules", "Rules"])
        #expect(run.status == 1)
        let actual = try Data(contentsOf: out.appendingPathComponent("purge.json"))
        let expected = CLI.root.appendingPathComponent("Samples/expected/purge.json")
        if ProcessInfo.processInfo.environment["PUBGATE_RECORD"] == "1" { try actual.write(to: expected) }
        #expect(actual == (try Data(contentsOf: expected)))
    }

    @Test func dryRunListsWhatIsDueAndChangesNothing() throws {
        let site = try Self.makeSite()
        let out = try CLI.temporaryDirectory()
        let run = try Self.sweep(site, out)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let purge = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("purge.json"))) as! [String: Any]
        let pages = (purge["pages"] as! [[String: Any]]).map { $0["site_path"] as! String }
        #expect(Set(pages) == Set(Self.due.filter { !$0.hasPrefix("public/") }))
        let superseded = (purge["pages"] as! [[String: Any]]).first { ($0["site_path"] as! String) == "content/gfxwj/rules-2021.md" }
        #expect(superseded?["rule"] as? String == "E-02-SUPERSEDED")
        #expect(((superseded?["evidence"] as? [String: String])?["repealed_by"]) == "content/gfxwj/rules-2024.md")
        for path in Self.due { #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path)) }
    }

    @Test func archiveIsAValidBagAndByteIdenticalAcrossRuns() throws {
        let site = try Self.makeSite()
        let a = try CLI.temporaryDirectory()
        let b = try CLI.temporaryDirectory()
        _ = try Self.sweep(site, a, ["--archive"])
        _ = try Self.sweep(site, b, ["--archive"])
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: a.path).first { $0.hasSuffix(".tar.gz") })
        #expect(
            FileManager.default.contents(atPath: a.appendingPathComponent(name).path)
                == FileManager.default.contents(atPath: b.appendingPathComponent(name).path))
        #expect(try CLI.pubgate(["archive", "verify", a.appendingPathComponent(name).path]).status == 0)
        #expect(Set(try Self.archived(in: a).keys) == Set(Self.due))
    }

    /// The archive as an archivist checks it: plain `tar`, then the reference `bagit.py --validate`.
    @Test func archiveExtractsWithTarAndValidatesWithBagitPy() throws {
        let site = try Self.makeSite()
        let out = try CLI.temporaryDirectory()
        _ = try Self.sweep(site, out, ["--archive"])
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".tar.gz") })
        let dir = try CLI.temporaryDirectory()
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = [
            "sh", "-c",
            "tar -xzf '\(out.path)/\(name)' -C '\(dir.path)' && PYTHONPATH='\(CLI.root.path)/.build/python' python3 -m bagit --validate '\(dir.path)/\(name.dropLast(7))'",
        ]
        let err = Pipe()
        check.standardError = err
        try check.run()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0 && log.contains("is valid"), "\(log)")
    }

    @Test func tamperedArchiveFailsVerification() throws {
        let site = try Self.makeSite()
        let out = try CLI.temporaryDirectory()
        _ = try Self.sweep(site, out, ["--archive"])
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".tar.gz") })
        let extracted = try CLI.temporaryDirectory()
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = [
            "sh", "-c",
            "tar -xzf '\(out.path)/\(name)' -C '\(extracted.path)' && for f in '\(extracted.path)'/*/data/content/tzgg/gs-2025.md; do echo x >> \"$f\"; done && cd '\(extracted.path)' && tar -czf '\(out.path)/bad.tar.gz' ./pubgate-sweep-*",
        ]
        try tar.run()
        tar.waitUntilExit()
        let run = try CLI.pubgate(["archive", "verify", out.appendingPathComponent("bad.tar.gz").path])
        #expect(run.status == 1 && run.stdout.contains("gs-2025.md sha256 mismatch"), "\(run.status) \(run.stdout) \(run.stderr)")
    }

    /// Kills `--apply` at each step, checks that every due file is in the site (same bytes) or in a
    /// verified archive, then reruns and checks that the job is finished and a further run does nothing.
    @Test(arguments: ["plan", "archive_partial", "archived", "removed:1", "removed:3", "removed:5", "done"])
    func applyKilledAtAStepLosesNothingAndARerunFinishes(fault: String) throws {
        let site = try Self.makeSite()
        var original: [String: Data] = [:]
        for path in Self.due { original[path] = FileManager.default.contents(atPath: site.appendingPathComponent(path).path) }
        let out = try CLI.temporaryDirectory()
        let killed = try Self.sweep(site, out, ["--apply"], fault: fault)
        #expect(killed.status == 86, "\(killed.stdout)\(killed.stderr)")
        let archived = try Self.archived(in: out)
        for path in Self.due {
            let inSite = FileManager.default.contents(atPath: site.appendingPathComponent(path).path)
            #expect(inSite == original[path] || archived[path] == original[path], "\(path) lost after a kill at \(fault)")
        }
        let rerun = try Self.sweep(site, out, ["--apply"])
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        let finalArchives = try Self.archived(in: out)
        for path in Self.due {
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path) still in the site")
            #expect(finalArchives[path] == original[path], "\(path) not archived")
        }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/gfxwj/rules-2024.md").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public/gfxwj/old-2017").path))
        let again = try Self.sweep(site, out, ["--apply"])
        #expect(again.status == 0 && again.stdout.contains("已删除 0 个文件"), "\(again.stdout)")
    }

    /// The journal named its archive relative to where the killed run started: resumed from another
    /// folder the run was marked abandoned and planned afresh, and the rendered pages of sources it
    /// had already removed stayed online for good. The archive is named by absolute path now, and
    /// the files (named in the journal as reports name them) are taken from the verified archive.
    @Test func anApplyKilledInOneFolderIsFinishedFromAnother() throws {
        let site = try Self.makeSite()
        let named = "content/tzgg/gs-13912345678.md"
        try Data("---\ntitle: 拟表彰人员公示\ndate: 2025-05-06\n---\n公示期：2025年5月6日至2025年5月12日。\n".utf8)
            .write(to: site.appendingPathComponent(named))
        let parent = site.deletingLastPathComponent()
        let first = try CLI.run(
            CLI.binary,
            ["sweep", "site", "--as-of", "2025-06-30", "--out", "out", "--apply"], environment: ["PUBGATE_FAULT": "removed:1"], in: parent)
        #expect(first.status == 86, "\(first.stdout)\(first.stderr)")
        let journal = try String(contentsOf: parent.appendingPathComponent("out/journal.jsonl"), encoding: .utf8)
        #expect(!journal.contains("13912345678") && journal.contains("\"path\":\"\(parent.path)/out/pubgate-sweep-"))
        let elsewhere = parent.deletingLastPathComponent()
        let relative = parent.lastPathComponent
        let resumed = try CLI.run(
            CLI.binary,
            ["sweep", relative + "/site", "--as-of", "2025-06-30", "--out", relative + "/out", "--apply"], in: elsewhere)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("已完成上次中断的清理 pubgate-sweep-") && resumed.stdout.contains("：删除 \(Self.due.count) 个文件"), "\(resumed.stdout)")
        for path in Self.due + [named] {
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path) still in the site")
        }
    }

    @Test func relabelActionWritesTheLabelIntoFrontMatterOnce() throws {
        let site = try Self.makeSite()
        let rules = try CLI.temporaryDirectory()
        let shipped = try String(contentsOf: CLI.root.appendingPathComponent("Rules/expiry.yaml"), encoding: .utf8)
        let relabelRepeals = shipped.replacingOccurrences(
            of: "trigger: repealed_by_page\n    action: purge", with: "trigger: repealed_by_page\n    action: relabel")
        try Data(relabelRepeals.utf8).write(to: rules.appendingPathComponent("expiry.yaml"))
        let out = try CLI.temporaryDirectory()
        let run = try Self.sweep(site, out, ["--apply", "--rules", rules.path])
        #expect(run.status == 0 && run.stdout.contains("已改标 1 个页面"), "\(run.stdout)\(run.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("content/gfxwj/rules-2021.md"), encoding: .utf8)
        #expect(page.contains("validity: \"废止\"") && !page.contains("validity: 有效"))
        let again = try Self.sweep(site, out, ["--apply", "--rules", rules.path])
        #expect(again.status == 0 && !again.stdout.contains("relabelled"), "\(again.stdout)")
    }

    @Test func unreadablePageIsReportedAndNeverPurged() throws {
        let site = try Self.makeSite()
        try Data(Array("有效性：失效 ".utf8) + [0x61, 0xFF, 0xFF, 0x62]).write(to: site.appendingPathComponent("content/gfxwj/broken.md"))
        let out = try CLI.temporaryDirectory()
        let run = try Self.sweep(site, out, ["--apply"])
        #expect(run.status == 65 && run.stderr.contains("broken.md"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/gfxwj/broken.md").path))
    }

    @Test func secondSweepWaitsForTheLock() throws {
        let site = try Self.makeSite()
        let out = try CLI.temporaryDirectory()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["flock", out.appendingPathComponent(".pubgate-sweep.lock").path, "sleep", "3"]
        try holder.run()
        Thread.sleep(forTimeInterval: 0.5)
        let run = try Self.sweep(site, out)
        holder.waitUntilExit()
        #expect(run.status == 75)
    }

    @Test func aSymlinkOutOfTheSiteIsNeverFollowed() throws {
        let site = try Self.makeSite()
        let outside = try CLI.temporaryDirectory().appendingPathComponent("elsewhere.md")
        try Data("---\ntitle: 别处的规定\nparams:\n  xxgk:\n    validity: 失效\n---\n正文\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(
            atPath: site.appendingPathComponent("content/gfxwj/link.md").path, withDestinationPath: outside.path)
        let run = try Self.sweep(site, try CLI.temporaryDirectory(), ["--apply"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("link.md"))
        #expect(FileManager.default.fileExists(atPath: outside.path))
    }

    /// A Hugo site's expired 暂行 measures typed only by a category key of the page (文种, 信息分类,
    /// 主题分类, 体裁分类, 类别: 规范性文件) — its title has no genre word, its body no article — are
    /// purged after the 2-year default of 暂行/试行; the same page without the key is news and stays.
    @Test(arguments: ["文种", "信息分类", "主题分类", "体裁分类", "类别"])
    func anExpiredInterimMeasureTypedOnlyByACategoryKeyIsPurged(key: String) throws {
        let root = try CLI.temporaryDirectory().appendingPathComponent("site")
        func page(_ front: String) -> String {
            "---\ntitle: 示例市电动自行车登记管理（暂行）\ndate: 2022-03-01\n\(front)---\n为规范电动自行车登记工作，现明确如下事项。\n\n"
                + "一、本市行政区域内的电动自行车应当登记。\n\n二、上述要求自2022年3月1日起施行。\n"
        }
        let files = [
            "hugo.toml": "title = \"示例市公安局\"\n",
            "content/zwgk/keyed.md": page("params:\n  xxgk:\n    \(key): 规范性文件\n"),
            "content/zwgk/plain.md": page(""),
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let out = try CLI.temporaryDirectory()
        _ = try Self.sweep(root, out)
        let purge = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("purge.json"))) as! [String: Any]
        let pages = purge["pages"] as! [[String: Any]]
        #expect(pages.map { $0["site_path"] as! String } == ["content/zwgk/keyed.md"])
        #expect(pages.first?["rule"] as? String == "E-01-NORMATIVE-AGE")
        #expect((pages.first?["evidence"] as? [String: String])?["basis"] == "default_trial_period")
    }

    @Test func refusesTheFilesystemRoot() throws {
        let out = try CLI.temporaryDirectory()
        #expect(try CLI.pubgate(["sweep", "/", "--out", out.path, "--apply"]).status == 64)
    }
}
