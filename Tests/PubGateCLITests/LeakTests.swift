import Foundation
import TestSupport
import Testing

/// "Never repeat the leak": drafts and a site planted with an ID, a bank card and mobiles in the
/// text, the title, the 文号 and the file names go through every command of a default run, and no
/// output — files, stdout, stderr, the log — holds one of them in full.
@Suite struct LeakTests {
    typealias CLI = ReviewCommandTests

    static let planted = ["11010519491231002X", "110105194912310037", "6222021234567890128", "13912345678", "13712345670"]

    @Test func noOutputOfADefaultRunHoldsAPlantedIdentifier() throws {
        let root = try CLI.temporaryDirectory()
        let drafts = try Self.plantDrafts(in: root)
        var printed = ""
        func run(_ arguments: [String], in directory: URL = root) throws {
            let r = try CLI.run(CLI.binary, arguments, in: directory)
            #expect(r.status != 86 && r.status < 128, "\(arguments): \(r.stderr)")
            printed += r.stdout + r.stderr
        }
        try run(["review", "drafts", "--out", "out", "--as-of", "2025-06-30", "--format", "sarif,junit,csv,html"])
        // The other languages and summaries say the same findings (the last run's files are checked too).
        try run([
            "review", "drafts", "--out", "out", "--as-of", "2025-06-30", "--format", "sarif,junit,csv,html", "--json", "--lang", "en",
            "--min-severity", "info",
        ])
        try run(["report", "monthly", "--month", "2025-06", "drafts", "--out", "out-monthly"])
        try run(["index", "build", "site", "--index", "index.sqlite"])
        try run(["index", "add", "drafts", "--index", "index.sqlite"])
        try run(["explain", "drafts/secret.txt", "drafts", "--index", "index.sqlite"])
        try run(["baseline", "update", "drafts", "--reason", "测试", "--as-of", "2025-06-30"])
        try run(["sweep", "site", "--out", "out-sweep", "--as-of", "2025-06-30", "--archive", "--log", "sweep.log"])
        try run(["sweep", "site", "--out", "out-sweep", "--as-of", "2025-06-30", "--apply", "--log", "sweep.log"])
        for git in [["init", "-q"], ["add", "-A"]] { _ = try CLI.run(URL(fileURLWithPath: "/usr/bin/git"), git, in: drafts) }
        try run(["check", "--staged"], in: drafts)
        try run(["check", "--staged", "--json", "--min-severity", "info"], in: drafts)
        try run(["sweep", "site", "--out", "out-sweep", "--as-of", "2025-06-30", "--json"])
        #expect(printed.contains("审查清单：out/manifest.json") && printed.contains("已删除 1 个文件"), "\(printed)")

        let outputs = try Self.outputs(in: root, printed: printed)
        #expect(outputs.count > 15)
        for (name, data) in outputs {
            for value in Self.planted + ["绝密", "机密"] {
                #expect(data.range(of: Data(value.utf8)) == nil, "\(name) holds \(value)")
            }
        }
    }

    /// Drafts (`root/drafts`) and a site (`root/site`) with the planted identifiers in their text,
    /// titles, 文号 and file names; returns the drafts folder.
    static func plantDrafts(in root: URL) throws -> URL {
        let drafts = root.appendingPathComponent("drafts")
        let pages = root.appendingPathComponent("site/content/tzgg")
        for dir in [drafts, pages] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        let notice = """
            ---
            title: 关于张三（11010519491231002X）的处罚决定
            doc_no: 本公罚〔2025〕13712345670号
            date: 2025-06-17
            disclosure: 主动公开
            ---
            当事人张三，身份证号 110105194912310037，银行卡号 6222021234567890128，手机 13912345678。
            绝密★一年

            """
        let monthly = "---\ntitle: 关于王五13912345678的通知\ndoc_no: 本公通〔2025〕9号\nwritten_date: 2025-06-10\ndate: 2025-06-17\ndisclosure: 主动公开\n---\n正文。\n"
        let files: [(URL, String)] = [
            (drafts.appendingPathComponent("notice-11010519491231002X.md"), notice),
            (drafts.appendingPathComponent("13912345678-名单.txt"), "关于王五13912345678的通知\n联系电话 13712345670。\n"),
            (drafts.appendingPathComponent("monthly-13912345678.md"), monthly),
            (drafts.appendingPathComponent("secret.txt"), "机密★十年 联系人手机 13912345678\n"),
            (
                pages.appendingPathComponent("old-11010519491231002X.md"),
                notice.replacingOccurrences(of: "date: 2025-06-17", with: "date: 2015-06-17\nvalidity: 失效")
            ),
            (root.appendingPathComponent("site/hugo.toml"), "title = \"测试站\"\n"),
        ]
        for (url, text) in files { try Data(text.utf8).write(to: url) }
        return drafts
    }

    /// Every file pubgate wrote under `root`, and what it printed, but for the archive's payload:
    /// the archived pages themselves (their bytes, and their names in the bag's
    /// manifest-sha256.txt, which must list them).
    static func outputs(in root: URL, printed: String) throws -> [(String, Data)] {
        var outputs: [(String, Data)] = [("stdout and stderr", Data(printed.utf8))]
        for folder in ["out", "out-monthly", "out-sweep", "drafts/.pubgate"] {
            let base = root.appendingPathComponent(folder)
            for case let path as String in FileManager.default.enumerator(atPath: base.path)! {
                let url = base.appendingPathComponent(path)
                guard FileManager.default.isFile(atPath: url.path) else { continue }
                if path.hasSuffix(".tar.gz") {
                    outputs += try Self.tagFiles(of: url)
                } else {
                    outputs.append((folder + "/" + path, try Data(contentsOf: url)))
                }
            }
        }
        for file in ["index.sqlite", "sweep.log"] { outputs.append((file, try Data(contentsOf: root.appendingPathComponent(file)))) }
        return outputs
    }

    /// The archive's tag files (bag-info, purge-manifest.jsonl), read with tar.
    static func tagFiles(of archive: URL) throws -> [(String, Data)] {
        let dir = try CLI.temporaryDirectory()
        _ = try CLI.run(URL(fileURLWithPath: "/usr/bin/tar"), ["-xzf", archive.path, "-C", dir.path], in: dir)
        var out: [(String, Data)] = []
        for case let path as String in FileManager.default.enumerator(atPath: dir.path)! where !path.contains("/data/") {
            let url = dir.appendingPathComponent(path)
            guard FileManager.default.isFile(atPath: url.path), !path.hasSuffix("/manifest-sha256.txt") else { continue }
            out.append((archive.lastPathComponent + "/" + path, try Data(contentsOf: url)))
        }
        return out
    }
}
