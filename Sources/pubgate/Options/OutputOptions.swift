import ArgumentParser
import PubGateCore

/// How a command speaks: the language of its messages and reports, whether stdout carries a JSON
/// summary instead of the human lines, and the lowest severity shown; shared by review, check and
/// sweep (sweep shows no severities).
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Language of messages and reports: zh (default) or en. The manifest's machine fields never change.")
    var lang: Language = .zh

    @Flag(name: .long, help: "Print a JSON summary on stdout instead of the human lines.")
    var json = false

    /// The report options for `rules` (their English source) and `minSeverity`.
    func reportOptions(rules: RuleSet, minSeverity: Severity? = nil) -> ReportOptions {
        ReportOptions(text: ReportText(lang, rules: rules.rules.map(\.rule)), minSeverity: minSeverity)
    }
}

extension Language: ExpressibleByArgument {}

extension Severity: ExpressibleByArgument {}
