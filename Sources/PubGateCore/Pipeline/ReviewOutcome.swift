/// The result of a review run: the manifest and the inputs that could not be read at all.
public struct ReviewOutcome: Sendable {
    public let manifest: Manifest
    /// Paths that could not be read (missing, unlistable) and paths skipped on purpose (links out of the tree).
    public let problems: [InputCollector.Problem]

    /// True when any input could not be read or decoded (exit code 65): the review is incomplete.
    public var hasUnreadableInput: Bool {
        problems.contains { !$0.isSkipped } || manifest.digests.contains { !$0.unscannable.isEmpty }
    }
}
