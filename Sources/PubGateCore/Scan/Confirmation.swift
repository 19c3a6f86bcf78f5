/// How PCRE2 confirms a rule's candidates after the prefilter pass (`pubgate rules list` shows it).
public enum Confirmation: Sendable, Equatable {
    /// The rule's matches are at most `maxWidth` bytes long, so PCRE2 only tries start offsets
    /// from `maxWidth` bytes before each prefilter hit up to the hit itself.
    case windows(maxWidth: Int)
    /// The rule's matches have no length bound but hold at most `maxBreaks` line breaks
    /// (``LineBreaks``): PCRE2 tries start offsets from the line `maxBreaks` lines above each
    /// prefilter hit up to the hit.
    case lines(maxBreaks: Int)
    /// Neither the length nor the line breaks of the rule's matches are bounded: PCRE2 runs over
    /// the whole document, but only when the prefilter found a candidate in it. The rule says so
    /// in its YAML (`needs_whole_document: true`), or loading it warns.
    case document
    /// Vectorscan cannot compile the rule (the reason is kept): its keywords, when it has any,
    /// decide whether PCRE2 runs over the whole document.
    case unfiltered(reason: String)

    /// One line for `pubgate rules list`.
    public var summary: String {
        switch self {
        case .windows(let width): return "prefilter+windows(\(width)B)"
        case .lines(let breaks): return "prefilter+lines(\(breaks + 1))"
        case .document: return "prefilter+document"
        case .unfiltered(let reason): return "pcre2-only (\(reason))"
        }
    }
}
