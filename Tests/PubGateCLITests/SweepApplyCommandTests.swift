import Foundation
import Testing

/// The sign-off workflow of `pubgate sweep` (issue 20): the plan a person reads, `--apply PLAN`
/// refusing a site that changed, the rebuild and the check that nothing rendered still links a
/// removed page, the `--git` commit, and the JSON log.
@Suite(.serialized) struct SweepApplyCommandTests {
    typealias CLI = ReviewCommandTests
    typealias Sweep = SweepCommandTests

    static func json(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    static func paths(_ list: Any?) -> Set<String> {
        Set(((list as? [[String: Any]]) ?? []).map { $0["site_path"] as! String })
    }

    /// A settings file for the operator (`--config`).
    static func config(_ yaml: String) throws -> URL {
        let url = try CLI.temporaryDirectory().appendingPathComponent("sweep.yml")
        try Data(yaml.utf8).write(to: url)
        return url
    }

    static func git(_ site: URL, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", site.path, "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func thePlanIsAppliedExactlyAndRefusedOnceTheSiteChanged() throws {
        let site = try Sweep.makeSite()
        let out = try CLI.temporaryDirectory()
        let dry = try Sweep.sweep(site, out)
        #expect(dry.status == 1 && dry.stdout.contains("清理计划：\(out.path)/plan.json（sha256 "), "\(dry.stdout)\(dry.stderr)")
        let plan = try Self.json(out.appendingPathComponent("plan.json"))
        #expect(plan["schema"] as? Int == 2 && (plan["run_id"] as? String)?.hasPrefix("sweep-") == true)
        let state = try #require(plan["site_state"] as? [String: Any])
        #expect((state["content_sha256"] as? String)?.count == 64 && state["files"] as? Int == 8)
        #expect(Self.paths(plan["purge"]) == Set(Sweep.due.filter { !$0.hasPrefix("public/") }))

        // A page edited after the plan was made: the plan is refused and nothing is removed.
        let signed = try CLI.temporaryDirectory().appendingPathComponent("approved.json")
        // Signed off as the units' README says: a copy of what OUT/plan.json (a link into the output set) holds.
        try Data(contentsOf: out.appendingPathComponent("plan.json")).write(to: signed)
        let news = site.appendingPathComponent("content/jwdt/news.md")
        let original = try Data(contentsOf: news)
        try (original + Data("补充说明。\n".utf8)).write(to: news)
        let refused = try CLI.pubgate(["sweep", site.path, signed.path, "--apply", "--out", out.path])
        #expect(refused.status == 65 && refused.stderr.contains("changed since the plan was made"), "\(refused.stdout)\(refused.stderr)")
        for path in Sweep.due { #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path)) }

        // Restored, the signed-off plan is applied: exactly its pages go.
        try original.write(to: news)
        let applied = try CLI.pubgate(["sweep", site.path, signed.path, "--apply", "--out", out.path])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        // The summary's last lines are Chinese by default too: archive, removals, links.
        #expect(applied.stdout.contains("（已校验）") && applied.stdout.contains("已删除 \(Sweep.due.count) 个文件"), "\(applied.stdout)")
        for english in ["plan:", "archive:", "removed ", "links:", "rebuild:", "left for review"] {
            #expect(!applied.stdout.contains(english), "\(english) in \(applied.stdout)")
        }
        for path in Sweep.due { #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path)") }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/gfxwj/rules-2024.md").path))
        // The same plan again: its pages are gone by its own hand; nothing more is done.
        let again = try CLI.pubgate(["sweep", site.path, signed.path, "--apply", "--out", out.path, "--lang", "en"])
        #expect(again.status == 0 && again.stdout.contains("removed 0 files") && again.stdout.contains("plan: "), "\(again.stdout)\(again.stderr)")
    }

    /// kill -9 in the middle of applying a signed-off plan: the same command again finishes it (the
    /// journal knows the interrupted run was this plan's), and nothing is lost on the way.
    @Test(arguments: ["archived", "removed:2"])
    func aSignedOffPlanKilledMidwayIsFinishedByTheSameCommand(fault: String) throws {
        let site = try Sweep.makeSite()
        var original: [String: Data] = [:]
        for path in Sweep.due { original[path] = FileManager.default.contents(atPath: site.appendingPathComponent(path).path) }
        let out = try CLI.temporaryDirectory()
        _ = try Sweep.sweep(site, out)
        let plan = out.appendingPathComponent("plan.json").path
        let killed = try CLI.pubgate(["sweep", site.path, plan, "--apply", "--out", out.path], environment: ["PUBGATE_FAULT": fault])
        #expect(killed.status == 86)
        let rerun = try CLI.pubgate(["sweep", site.path, plan, "--apply", "--out", out.path])
        #expect(rerun.status == 0 && rerun.stdout.contains("已完成上次中断的清理"), "\(rerun.stdout)\(rerun.stderr)")
        // The summary counts what the finishing run removed (issue 23: it said "removed 0 files").
        let finished = fault == "archived" ? Sweep.due.count : Sweep.due.count - 2
        #expect(rerun.stdout.contains("已删除 \(finished) 个文件") && !rerun.stdout.contains("已删除 0 个文件"), "\(rerun.stdout)")
        let archived = try Sweep.archived(in: out)
        for path in Sweep.due {
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path), "\(path) still in the site")
            #expect(archived[path] == original[path], "\(path) not archived")
        }
    }

    /// A page whose file name carries a number: plan.json shows it masked like every output, and
    /// `--apply PLAN` still finds the file (by its displayed path and sha256) and removes it.
    @Test func aPlanNamesFilesMaskedAndApplyFindsThemAgain() throws {
        let site = try Sweep.makeSite()
        let named = site.appendingPathComponent("content/tzgg/公示-13912345678.md")
        try Data("---\ntitle: 拟聘用人员公示\ndate: 2025-05-06\n---\n公示期：2025年5月6日至2025年5月12日。\n".utf8).write(to: named)
        let out = try CLI.temporaryDirectory()
        _ = try Sweep.sweep(site, out)
        let text = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        #expect(!text.contains("13912345678") && text.contains("公示-139"), "\(text.prefix(400))")
        let signed = try CLI.temporaryDirectory().appendingPathComponent("approved.json")
        try Data(text.utf8).write(to: signed)
        let run = try CLI.pubgate(["sweep", site.path, signed.path, "--apply", "--out", out.path])
        #expect(run.status == 0 && !run.stdout.contains("13912345678"), "\(run.stdout)\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: named.path))
    }

    @Test func aPlanIsOnlyForApplyAndForItsOwnSite() throws {
        let site = try Sweep.makeSite()
        let out = try CLI.temporaryDirectory()
        _ = try Sweep.sweep(site, out)
        let plan = out.appendingPathComponent("plan.json")
        #expect(try CLI.pubgate(["sweep", site.path, plan.path, "--out", out.path]).status == 64)
        let other = try Sweep.makeSite()
        let run = try CLI.pubgate(["sweep", other.path, plan.path, "--apply", "--out", try CLI.temporaryDirectory().path])
        #expect(run.status == 65 && run.stderr.contains("was made for"))
        try Data("{\"schema\": 1}".utf8).write(to: plan)
        #expect(try CLI.pubgate(["sweep", site.path, plan.path, "--apply", "--out", out.path]).stderr.contains("schema 1"))
    }

    /// `--git` commits the removals (those paths only) as the configured author, naming the run
    /// and the 文号.
    @Test func gitModeCommitsTheRemovalsAsTheConfiguredAuthor() throws {
        let site = try Sweep.makeSite()
        _ = try Self.git(site, ["init", "-q"])
        _ = try Self.git(site, ["add", "content", "hugo.toml"])
        _ = try Self.git(site, ["commit", "-q", "-m", "site"])
        try Data("unrelated\n".utf8).write(to: site.appendingPathComponent("staged-elsewhere.txt"))
        _ = try Self.git(site, ["add", "staged-elsewhere.txt"])
        let config = try Self.config("sweep:\n  git:\n    author: \"Sweep Robot <robot@example.invalid>\"\n")
        let run = try Sweep.sweep(site, try CLI.temporaryDirectory(), ["--apply", "--git", "--config", config.path])
        #expect(run.status == 0 && run.stdout.contains("提交："), "\(run.stdout)\(run.stderr)")
        let head = try Self.git(site, ["log", "-1", "--format=%an <%ae>|%cn|%B"])
        #expect(head.hasPrefix("Sweep Robot <robot@example.invalid>|Sweep Robot|pubgate sweep: remove 4 pages"), "\(head)")
        #expect(head.contains("Run: sweep-") && head.contains("测公发〔2021〕6号") && head.contains("E-02-SUPERSEDED"))
        let files = try Self.git(site, ["show", "--name-status", "--format=", "HEAD"])
        #expect(files.contains("D\tcontent/gfxwj/rules-2021.md") && !files.contains("staged-elsewhere"), "\(files)")
        #expect(try Self.git(site, ["status", "--porcelain"]).contains("A  staged-elsewhere.txt"))
    }

    /// One run id per run on every line, the trigger's rule id and reason on page lines, counts as numbers.
    @Test func logLinesCarryTheRunRuleReasonAndNumbers() throws {
        let site = try Sweep.makeSite()
        let out = try CLI.temporaryDirectory()
        let log = out.appendingPathComponent("sweep.jsonl")
        _ = try Sweep.sweep(site, out, ["--apply", "--log", log.path])
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let runs = Set(lines.compactMap { $0["pubgate.run_id"] as? String })
        #expect(runs.count == 1 && runs.first?.hasPrefix("sweep-") == true)
        let planned = try #require(lines.first { $0["message"] as? String == "sweep planned" })
        #expect(planned["pubgate.purge"] as? Int == 4 && planned["pubgate.pages"] is Int)
        let removed = lines.filter { $0["event.action"] as? String == "purge" }
        #expect(removed.count == 5)
        let superseded = try #require(removed.first { $0["file.path"] as? String == "content/gfxwj/rules-2021.md" })
        #expect(superseded["rule.id"] as? String == "E-02-SUPERSEDED" && superseded["event.reason"] as? String == "superseded")
        let end = try #require(lines.last)
        #expect(end["event.action"] as? String == "end" && end["pubgate.removed"] as? Int == 5)
    }

    /// The swept site's own .pubgate.yml cannot choose the command the sweep runs (or its author).
    @Test func theSitesOwnSettingsCannotSetTheRebuildCommand() throws {
        let site = try Sweep.makeSite()
        try Data("sweep:\n  rebuild:\n    command: [touch, chosen-by-the-site]\n".utf8).write(to: site.appendingPathComponent(".pubgate.yml"))
        let run = try Sweep.sweep(site, try CLI.temporaryDirectory(), ["--apply"])
        #expect(
            run.status == 78 && run.stderr.contains("sweep.rebuild.command") && run.stderr.contains("only the settings file given with --config"),
            "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("chosen-by-the-site").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/gfxwj/old-2017.md").path))
    }

    /// `--apply` marks what it removed `purged` in the site's corpus index (a later review refuses
    /// to publish it again); pages it kept stay `published`.
    @Test func appliedRemovalsAreMarkedPurgedInTheIndex() throws {
        let site = try Sweep.makeSite()
        #expect(try CLI.pubgate(["index", "build", site.path]).status == 0)
        let run = try Sweep.sweep(site, try CLI.temporaryDirectory(), ["--apply"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let query = Process()
        query.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        query.arguments = [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print(p.rsplit('/',1)[-1], s) for p, s in c.execute('select path, status from documents order by path')]",
            site.appendingPathComponent(".pubgate/index.sqlite").path,
        ]
        let pipe = Pipe()
        query.standardOutput = pipe
        try query.run()
        let rows = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        query.waitUntilExit()
        #expect(rows.contains("rules-2021.md purged") && rows.contains("gs-2025.md purged") && rows.contains("rules-2024.md published"), "\(rows)")
    }

    /// A Hugo site built with real `hugo`: after `--apply` with the rebuild, no file under public/
    /// (pages, section lists, sitemap.xml, index.xml) links a removed page.
    @Test func aHugoRebuildLeavesNoLinkToARemovedPage() throws {
        guard Self.hasHugo else {
            Issue.record("hugo is not installed (Scripts/install-deps.sh installs it)")
            return
        }
        let site = try Self.makeHugoSite(keepingEverySection: true)
        #expect(try Self.hugo(site), "hugo could not build the test site")
        let sitemap = try String(contentsOf: site.appendingPathComponent("public/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("/gfxwj/old-2017/") && sitemap.contains("/gfxwj/rules-2021/"))
        let config = try Self.config("sweep:\n  rebuild:\n    command: [hugo, --gc, --minify, --quiet]\n")
        let run = try Sweep.sweep(site, try CLI.temporaryDirectory(), ["--apply", "--config", config.path])
        #expect(run.status == 0 && run.stdout.contains("重新生成网站：`hugo --gc --minify --quiet` 已完成"), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("链接检查：public/ 下没有文件链接已删除的页面"))
        let after = try Self.rendered(site)
        for (file, text) in after {
            for gone in ["old-2017", "rules-2021", "gs-2025/", "jd-2021"] { #expect(!text.contains(gone), "\(file) still links \(gone)") }
        }
        #expect(after.keys.contains("sitemap.xml") && after.keys.contains("index.xml") && after.keys.contains("gfxwj/index.html"))
        #expect(after["gfxwj/index.html"]?.contains("rules-2024") == true)
    }

    /// Hugo leaves the list of a section whose last page was removed (it renders no empty section
    /// and deletes nothing, not even with --cleanDestinationDir): the check reports it; a rebuild
    /// into a fresh folder leaves nothing behind.
    @Test func anEmptiedSectionIsReportedUnlessTheSiteIsBuiltAfresh() throws {
        guard Self.hasHugo else {
            Issue.record("hugo is not installed (Scripts/install-deps.sh installs it)")
            return
        }
        let site = try Self.makeHugoSite(keepingEverySection: false)
        #expect(try Self.hugo(site))
        let inPlace = try Self.config("sweep:\n  rebuild:\n    command: [hugo, --gc, --minify, --quiet]\n")
        let run = try Sweep.sweep(site, try CLI.temporaryDirectory(), ["--apply", "--config", inPlace.path])
        #expect(run.status == 1 && run.stderr.contains("public/zcjd/index.html still links removed content/zcjd/jd-2021.md"), "\(run.stderr)")

        let fresh = try Self.makeHugoSite(keepingEverySection: false)
        #expect(try Self.hugo(fresh))
        let afresh = try Self.config(
            "sweep:\n  rebuild:\n    command: [sh, -c, \"hugo --gc --minify --quiet -d .public.next && rm -rf public && mv .public.next public\"]\n")
        let clean = try Sweep.sweep(fresh, try CLI.temporaryDirectory(), ["--apply", "--config", afresh.path])
        #expect(clean.status == 0 && clean.stdout.contains("链接检查：public/ 下没有文件链接已删除的页面"), "\(clean.stdout)\(clean.stderr)")
    }

    /// Without a rebuild, the stale sitemap, feed and section list are reported (exit 1).
    @Test func linksLeftByAMissingRebuildAreReported() throws {
        guard Self.hasHugo else {
            Issue.record("hugo is not installed (Scripts/install-deps.sh installs it)")
            return
        }
        let site = try Self.makeHugoSite(keepingEverySection: true)
        #expect(try Self.hugo(site))
        let run = try Sweep.sweep(site, try CLI.temporaryDirectory(), ["--apply"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("public/sitemap.xml still links removed content/gfxwj/old-2017.md"), "\(run.stderr)")
        #expect(run.stderr.contains("public/gfxwj/index.html still links removed content/gfxwj/rules-2021.md"))
        #expect(run.stderr.contains("public/index.xml still links removed"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public/gfxwj/old-2017/index.html").path))
    }

    static let hasHugo = Subprocess(["hugo", "version"]).status == 0

    /// The sweep site of SweepCommandTests with a baseURL and the two layouts Hugo needs; with
    /// `keepingEverySection`, a page that stays in each section the sweep empties.
    static func makeHugoSite(keepingEverySection: Bool) throws -> URL {
        let site = try Sweep.makeSite()
        try FileManager.default.removeItem(at: site.appendingPathComponent("public"))
        var files = [
            "hugo.toml": "baseURL = \"https://www.example.invalid/\"\ntitle = \"测试市公安局\"\ndisableKinds = [\"taxonomy\", \"term\"]\n",
            "layouts/_default/single.html": "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n",
            "layouts/_default/list.html":
                "<html><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
        ]
        if keepingEverySection {
            files["content/zcjd/jd-2024.md"] =
                "---\ntitle: 《关于网吧治安管理的规定》解读\ndate: 2024-06-25\nparams:\n  xxgk:\n    interprets: 测公发〔2024〕7号\n---\n解读单位：治安支队\n"
            files["content/tzgg/notice-2025.md"] = "---\ntitle: 夏季防溺水提示\ndate: 2025-06-01\n---\n请勿到野外水域游泳。\n"
        }
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return site
    }

    static func hugo(_ site: URL) throws -> Bool {
        Subprocess(["hugo", "--quiet", "--source", site.path]).status == 0
    }

    /// Every text file under public/, by path relative to it.
    static func rendered(_ site: URL) throws -> [String: String] {
        let folder = site.appendingPathComponent("public")
        var out: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            out[path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        return out
    }

    /// Runs a program and waits; its output is dropped.
    struct Subprocess {
        let status: Int32
        init(_ arguments: [String]) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = arguments
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            do {
                try p.run()
                p.waitUntilExit()
                status = p.terminationStatus
            } catch {
                status = -1
            }
        }
    }
}
