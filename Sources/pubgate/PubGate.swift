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
            var command = try parsed(arguments)
            try command.run()
        } catch let error as WriteError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(ExitStatus.cannotWrite.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// The command `arguments` name, parsed. A command without subcommands of its own (`check`,
    /// `review`, …) is parsed alone first: building the parser of every command and option was
    /// 16 M of the 40 M instructions argument parsing cost `check` of one page. When that parse
    /// fails (a usage error, `--help`), the whole tree parses the arguments again, so the message
    /// and the exit code are the ones it gives; a parse that succeeds alone succeeds in the tree
    /// with the same values (the root has no options of its own but `--help` and `--version`).
    static func parsed(_ arguments: [String]) throws -> any ParsableCommand {
        if let first = arguments.first, let command = configuration.subcommands.first(where: { $0._commandName == first }),
            command.configuration.subcommands.isEmpty, let alone = try? command.parseAsRoot(Array(arguments.dropFirst()))
        {
            return alone
        }
        return try parseAsRoot(arguments)
    }

    /// The words that name a command (`help` is argument-parser's own).
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }
}
