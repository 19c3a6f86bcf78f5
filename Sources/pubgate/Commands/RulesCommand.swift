import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate rules`: inspect and verify the rule sets.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List or check the scan rules.",
        subcommands: [List.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every rule with its kind, severity and how its candidates are confirmed.",
            discussion: """
                Columns: id, kind, severity, confirmation, title. Confirmation is prefilter+windows(N B) \
                (PCRE2 runs only within N bytes before each Vectorscan hit), prefilter+document (PCRE2 \
                runs over a document the prefilter hit) or pcre2-only (Vectorscan cannot compile the \
                rule; the reason is given).

                Example:
                  pubgate rules list --rules Rules/
                """)

        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let set = try ruleOptions.load().0.rules
            for (compiled, confirmation) in zip(set.rules, set.prefilter.confirmations) {
                let r = compiled.rule
                print("\(r.id)\t\(r.kind.rawValue)\t\(r.severity.rawValue)\t\(confirmation.summary)\t\(r.title)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile every rule and verify its examples; exit 78 on any failure.",
            discussion: "Example:\n  pubgate rules check")

        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let configuration = try ruleOptions.load().0
            let set = configuration.rules
            let failures = RuleExampleChecker(rules: set, classifier: configuration.classifier).failures()
            for failure in failures { print("FAIL \(failure)") }
            print("\(set.rules.count) rules, \(failures.count) example failures")
            // Loading expiry.yaml already checked every phrasing's examples (a failure is exit 78).
            print("\(configuration.expiry.phrasebook.phrasings.count) validity phrasings, their examples checked")
            if !failures.isEmpty { throw ExitStatus.badConfiguration }
        }
    }
}
