import Foundation

/// Settings of one review run.
public struct ReviewOptions: Sendable {
    public var asOf: SimpleDate
    public var showMatches: Bool
    /// Parallel workers; defaults to the number of active processors.
    public var workers: Int

    public init(asOf: SimpleDate, showMatches: Bool = false, workers: Int? = nil) {
        self.asOf = asOf
        self.showMatches = showMatches
        self.workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}
