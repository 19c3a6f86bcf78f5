import ArgumentParser
import PubGateCore

/// What a review is judged against besides the rules: the published-corpus index and the baseline
/// of accepted findings; shared by `review` and `check`.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "Published-corpus index (default: .pubgate/index.sqlite at the repository root, when present).")
    var index: String?

    @Option(name: .long, help: "Baseline of accepted findings (default: .pubgate/baseline.json at the repository root, when present).")
    var baseline: String?

    @Flag(name: .long, help: "Exit 1 when a suppression or baseline entry matched nothing (stale).")
    var failOnStale = false

    /// Opens the index and loads the baseline into `options`, looking for defaults at `root`.
    func apply(to options: inout ReviewOptions, root: RepositoryRoot) throws {
        options.index = try IndexOptions.open(explicit: index, defaultIn: root.path)
        options.baseline = try BaselineFile.load(explicit: baseline, root: root)
    }

    /// True when the run must fail because of stale suppressions.
    func failsOnStale(_ manifest: Manifest) -> Bool {
        failOnStale && !manifest.staleSuppressions.isEmpty
    }
}
