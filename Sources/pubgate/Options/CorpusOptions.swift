import ArgumentParser
import PubGateCore

/// What a review is judged against besides the rules: the published-corpus index and the baseline
/// of accepted findings; shared by `review` and `check`.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "Published-corpus index (default: .pubgate/index.sqlite in the folder reviewed — the repository root for check --staged — when present).")
    var index: String?

    @Option(name: .long, help: "Baseline of accepted findings (default: .pubgate/baseline.json in the same place, when present).")
    var baseline: String?

    @Flag(name: .long, help: "Exit 1 when a suppression or baseline entry matched nothing (stale).")
    var failOnStale = false

    /// Opens the index and loads the baseline into `options`, looking for defaults in `folders`.
    func apply(to options: inout ReviewOptions, defaultIn folders: [String]) throws {
        options.index = try IndexOptions.open(explicit: index, defaultIn: folders)
        options.baseline = try BaselineFile.load(explicit: baseline, defaultIn: folders)
    }

    /// True when the run must fail because of stale suppressions.
    func failsOnStale(_ manifest: Manifest) -> Bool {
        failOnStale && !manifest.staleSuppressions.isEmpty
    }
}
