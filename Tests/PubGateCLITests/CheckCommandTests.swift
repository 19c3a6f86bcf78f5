import Foundation
import Testing

/// The pre-commit gate end to end: `pubgate check --staged` on a throwaway repository, the plain
/// git hook from `install-hook`, and the hook of `.pre-commit-hooks.yaml` through the real
/// `pre-commit` tool (PyPI, installed into .build/python by Scripts/install-deps.sh).
@Suite(.serialized) struct CheckCommandTests {
    typealias CLI = ReviewCommandTests

    static let clean = "---\ntitle: 关于调整办公时间的通知\ndisclosure: 主动公开\n---\n正文。\n"
    static let leaking = "---\ntitle: 失物招领\ndisclosure: 主动公开\n---\n失主联系手机13912345678。\n"

    static func repo() throws -> URL {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("content")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        _ = try shell("git init -q && git config user.email t@example.invalid && git config user.name t", in: dir)
        return dir
    }

    /// Runs a shell command in `dir` with .build/debug on PATH.
    static func shell(_ command: String, in dir: URL, environment: [String: String] = [:]) throws -> (Int32, String) {
        let path = CLI.root.appendingPathComponent(".build/debug").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let run = try CLI.run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", command], environment: ["PATH": path].merging(environment) { $1 }, in: dir,
            mergingOutput: true)
        return (run.status, run.stdout)
    }

    @Test func stagedContentIsCheckedNotTheWorkingTree() throws {
        let dir = try Self.repo()
        try Data(Self.leaking.utf8).write(to: dir.appendingPathComponent("a.md"))
        _ = try Self.shell("git add a.md", in: dir)
        try Data(Self.clean.utf8).write(to: dir.appendingPathComponent("a.md"))
        let (status, out) = try Self.shell("pubgate check --staged --as-of 2025-06-30", in: dir)
        #expect(status == 1 && out.contains("a.md:5:7 pi_mobile") && !out.contains("13912345678"), "\(out)")
        _ = try Self.shell("git add a.md", in: dir)
        #expect(try Self.shell("pubgate check --staged --as-of 2025-06-30", in: dir).0 == 0)
    }

    @Test func plainGitHookRefusesABadCommitAndAcceptsAGoodOne() throws {
        let dir = try Self.repo()
        #expect(try Self.shell("pubgate install-hook", in: dir).0 == 0)
        try Data(Self.leaking.utf8).write(to: dir.appendingPathComponent("bad.md"))
        let refused = try Self.shell("git add bad.md && git commit -q -m bad", in: dir)
        #expect(refused.0 != 0 && refused.1.contains("pi_mobile"), "\(refused.1)")
        _ = try Self.shell("git rm -q --cached bad.md", in: dir)
        try Data(Self.clean.utf8).write(to: dir.appendingPathComponent("good.md"))
        let accepted = try Self.shell("git add good.md && git commit -q -m good", in: dir)
        #expect(accepted.0 == 0, "\(accepted.1)")
    }

    @Test func preCommitFrameworkRunsTheShippedHook() throws {
        let dir = try Self.repo()
        let head = try Self.shell("git -C '\(CLI.root.path)' rev-parse HEAD", in: dir).1.trimmingCharacters(in: .whitespacesAndNewlines)
        let config = "repos:\n  - repo: \(CLI.root.path)\n    rev: \(head)\n    hooks:\n      - id: pubgate\n        args: [--as-of, \"2025-06-30\"]\n"
        try Data(config.utf8).write(to: dir.appendingPathComponent(".pre-commit-config.yaml"))
        let env = [
            "PYTHONPATH": CLI.root.appendingPathComponent(".build/python").path,
            "PRE_COMMIT_HOME": dir.deletingLastPathComponent().appendingPathComponent("pre-commit-home").path,
        ]
        let install = try Self.shell("python3 -m pre_commit install && git add .pre-commit-config.yaml", in: dir, environment: env)
        #expect(install.0 == 0, "\(install.1)")
        try Data(Self.leaking.utf8).write(to: dir.appendingPathComponent("bad.md"))
        let refused = try Self.shell("git add bad.md && git commit -q -m bad", in: dir, environment: env)
        #expect(refused.0 != 0 && refused.1.contains("pi_mobile"), "\(refused.1)")
        _ = try Self.shell("git rm -q --cached bad.md && rm bad.md", in: dir)
        try Data(Self.clean.utf8).write(to: dir.appendingPathComponent("good.md"))
        let accepted = try Self.shell("git add good.md && git commit -q -m good", in: dir, environment: env)
        #expect(accepted.0 == 0, "\(accepted.1)")
    }
}
