import Foundation

/// Settings of one review run.
public struct ReviewOptions: Sendable {
    var asOf: SimpleDate
    public var showMatches: Bool
    /// Parallel workers; defaults to the number of active processors.
    var workers: Int
    /// Folders of already-published pages the batch is judged against (三同步 links).
    var published: [String]
    /// The run's output folder: never reviewed itself.
    public var outputDirectory: String?
    /// The published-corpus index the aggregation rules also look at.
    public var index: CorpusIndex?
    /// Accepted findings by path (the baseline file's entries).
    public var baseline: Baseline?
    /// The site's settings files applied (named with their hash in the manifest); the reviewed
    /// tree's one is read as settings, not reviewed as a document.
    public var settingsFiles: [SettingsFile] = []
    /// How large text files are read in windows (``TextWindows``); smaller in tests.
    var windows = TextWindows.Sizes.standard
    /// Called after each document, from any worker thread.
    public var progress: (@Sendable (ReviewProgress) -> Void)?

    public init(
        asOf: SimpleDate, showMatches: Bool = false, workers: Int? = nil, published: [String] = [], outputDirectory: String? = nil
    ) {
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.showMatches = showMatches
        self.published = published
        self.workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}
