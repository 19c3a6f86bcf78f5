import ArgumentParser
import Foundation
import PubGateCore

/// The `pubgate` command: reviews documents before a government website publishes them.
@main
struct PubGate: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "pubgate",
        abstract: "Review documents before a government website publishes them.",
        discussion: """
            `pubgate PATHS… --out DIR` is `pubgate review`, when the first argument is an existing
            file or folder; any other first word must be a command.

            Exit codes:
              0   every document approved (check: nothing refused)
              1   at least one document rejected, or the sweep found something due
              64  usage error (unknown command or option, bad date, not in a git repository)
              65  an input could not be read, decoded or opened (it is rejected as unscannable)
              73  an output (manifest, report, archive) could not be written; nothing was removed
              74  the corpus index is missing, corrupt, locked or newer (nothing approved)
              75  another sweep holds the lock: try again later
              78  a rule or settings file is broken (the message names file, key or rule)

            Examples:
              pubgate review drafts/ --out review-out
              pubgate check --staged
            """,
        version: version,
        subcommands: [ReviewCommand.self, RulesCommand.self, ConfigCommand.self, ReportCommand.self, SweepCommand.self, ArchiveCommand.self, IndexCommand.self, ExplainCommand.self, CheckCommand.self, InstallHookCommand.self, BaselineCommand.self],
        defaultSubcommand: ReviewCommand.self)

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = UnknownCommand(arguments, commands: commandNames) {
            FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as WriteError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(ExitStatus.cannotWrite.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// The words that name a command (`help` is argument-parser's own).
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }
}
