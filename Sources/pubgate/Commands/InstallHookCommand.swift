import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate install-hook`: a plain git pre-commit hook running `pubgate check --staged`, for
/// repositories that do not use the pre-commit framework (`.pre-commit-hooks.yaml` serves those).
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that runs `pubgate check --staged`.",
        discussion: """
            Writes the hook into core.hooksPath when set, else .git/hooks. An existing hook that \
            pubgate did not write is kept unless --force.

            Example:
              cd site-content && pubgate install-hook
            """)

    @Flag(name: .long, help: "Replace an existing pre-commit hook.")
    var force = false

    static let marker = "# installed by pubgate install-hook"

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let r = ChildProcess.git(["rev-parse", "--git-path", "hooks"], in: cwd)
        let out = r.text
        guard r.status == 0 else {
            FileHandle.standardError.write(Data("error: not inside a git repository\n".utf8))
            throw ExitStatus.usage
        }
        var hooks = out.trimmingCharacters(in: .whitespacesAndNewlines)
        if !hooks.hasPrefix("/") { hooks = (cwd as NSString).appendingPathComponent(hooks) }
        let hook = (hooks as NSString).appendingPathComponent("pre-commit")
        if let existing = try? String(contentsOfFile: hook, encoding: .utf8), !existing.contains(Self.marker), !force {
            FileHandle.standardError.write(Data("error: \(hook) exists and was not written by pubgate; use --force to replace it\n".utf8))
            throw ExitStatus.usage
        }
        let binary = URL(fileURLWithPath: RulesLocation.executablePath()).resolvingSymlinksInPath().path
        let script = """
            #!/usr/bin/env bash
            \(Self.marker)
            # Refuses a commit whose staged documents pubgate rejects (`git commit --no-verify` skips it).
            set -euo pipefail
            if command -v pubgate >/dev/null 2>&1; then exec pubgate check --staged; fi
            exec '\(binary)' check --staged

            """
        // Every failure here is a write failure (exit 73, `PubGate.main`), named with the file.
        do {
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            try AtomicWriter.write(Data(script.utf8), to: hook)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        } catch {
            throw WriteError(path: hook, error: error)
        }
        print("installed \(hook)")
    }
}
