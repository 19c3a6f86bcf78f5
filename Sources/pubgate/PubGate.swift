import ArgumentParser
import Foundation

/// The `pubgate` command: reviews documents before a government website publishes them.
@main
struct PubGate: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "pubgate",
        abstract: "Review documents before a government website publishes them.",
        discussion: """
            Exit codes: 0 all approved, 1 any rejected, 64 usage, 65 unreadable input, 78 bad configuration or rules.

            Example:
              pubgate review drafts/ --out review-out
            """,
        version: version,
        subcommands: [ReviewCommand.self, RulesCommand.self, ConfigCommand.self, ReportCommand.self, SweepCommand.self, ArchiveCommand.self, IndexCommand.self, ExplainCommand.self, CheckCommand.self, InstallHookCommand.self, BaselineCommand.self],
        defaultSubcommand: ReviewCommand.self)

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
