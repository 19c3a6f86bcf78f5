import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate config`: what a review will be configured with.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective settings.",
        subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every setting with its value and the file it came from.",
            discussion: """
                The shipped Rules/policy.yaml, overridden by --config FILE or by .pubgate.yml in the
                first folder given. An unknown key in the site's file is an error (exit 78).

                Example:
                  pubgate config show --config site/.pubgate.yml
                """)

        @Argument(help: "The folder a review would run on (its .pubgate.yml is used).")
        var paths: [String] = []

        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            print(try ruleOptions.load(for: paths).1.describe())
        }
    }
}
