/// The result of a review run: the manifest and the inputs that could not be read at all.
public struct ReviewOutcome: Sendable {
    public let manifest: Manifest
    /// Paths that could not be read (missing, unlistable, not regular files) and links out of the
    /// tree, whose targets were not reviewed: each is also a rejected entry of the manifest.
    let problems: [InputCollector.Problem]

    /// True when any input could not be read or decoded (exit code 65): the review is incomplete.
    public var hasUnreadableInput: Bool {
        !problems.isEmpty || manifest.digests.contains { !$0.unscannable.isEmpty }
    }
}
