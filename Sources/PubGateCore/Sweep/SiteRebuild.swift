import Foundation

/// Runs the site's configured rebuild (`sweep.rebuild.command`, e.g. `hugo --gc --minify`) in the
/// site root after `--apply` removed pages: without it, lists, the sitemap and feeds keep linking
/// them. The command is run directly (no shell), with a timeout; its output is kept short for the
/// log.
public struct SiteRebuild: Sendable {
    public struct Result: Sendable {
        public let command: [String]
        public let status: Int32
        public let timedOut: Bool
        /// The last lines of its output (stdout then stderr), for the report.
        public let outputTail: String
        public var succeeded: Bool { status == 0 && !timedOut }
    }

    let command: [String]
    let timeoutSeconds: Int

    init(settings: Settings.SweepSettings.Rebuild) {
        command = settings.command
        timeoutSeconds = settings.timeoutSeconds
    }

    var isConfigured: Bool { !command.isEmpty }

    func run(in root: String) -> Result {
        let out = ChildProcess.run(command, in: root, timeout: .seconds(max(1, timeoutSeconds)), outputCap: 1 << 20)
        // A command that could not be started says why (not an exit status it never had).
        let text = out.launchFailure.map { "cannot start: \($0)" } ?? String(decoding: out.stdout + out.stderr, as: UTF8.self)
        let tail = text.split(separator: "\n").suffix(20).joined(separator: "\n")
        return Result(command: command, status: out.status, timedOut: out.timedOut, outputTail: tail)
    }
}
