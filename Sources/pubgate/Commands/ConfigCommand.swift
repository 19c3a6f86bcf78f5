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
                First where the rules come from and which settings files apply: the shipped \
                policy.yaml, then --config FILE, then the .pubgate.yml at the repository root (the \
                top level of the git repository holding the folder, else the folder itself; the same \
                rule for every command). An unknown key in a settings file is an error (exit 78).

                Example:
                  pubgate config show --config site/.pubgate.yml
                """)

        @Argument(help: "The folder or files a review would run on (default: the working directory).")
        var paths: [String] = []

        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let root = RepositoryRoot.find(for: paths)
            let rules = try ruleOptions.rulesLocation()
            let loaded = try ruleOptions.load(root: root).1
            print("# rules: \(rules.path)  (\(rules.how))")
            print("# repository root: \(root.path)  (\(root.explanation))")
            let defaults = ReviewConfiguration.resolve(
                SettingsLoader.defaultsFileName, rulesPath: rules.path,
                fallbackFolder: RulesLocation.shipped.map { ReviewConfiguration.folder(of: $0.path) })
            print("# settings: \(defaults) (defaults)" + (ruleOptions.config.map { ", then \($0) (--config)" } ?? ""))
            print(
                "# then: " + (root.settingsFile.map { "\($0) (the repository root's)" } ?? "no \(SettingsLoader.siteFileName) at the repository root")
            )
            print(loaded.describe())
        }
    }
}
