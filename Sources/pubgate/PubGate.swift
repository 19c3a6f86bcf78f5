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
            `pubgate PATHS… --out DIR` is `pubgate review`, when the first argument is an existing \
            file or folder; any other first word must be a command.

            Exit codes:
              0   all approved (check: nothing refused; sweep: nothing due)
              1   something rejected (sweep: something due or kept)
              64  usage: unknown command or option, bad date, no git repository
              65  an input could not be read or decoded (rejected as unscannable)
              73  an output could not be written (the message says which, why)
              74  the corpus index cannot be used (nothing approved)
              75  another sweep holds the lock: try again later
              78  a rule or settings file is broken (file, key or rule named)

            Examples:
              pubgate review drafts/ --out review-out
              pubgate check --staged
            """,
        version: version,
        subcommands: [
            ReviewCommand.self, RulesCommand.self, ConfigCommand.self, ReportCommand.self, SweepCommand.self, ArchiveCommand.self, IndexCommand.self,
            ExplainCommand.self, CheckCommand.self, InstallHookCommand.self, BaselineCommand.self,
        ],
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
