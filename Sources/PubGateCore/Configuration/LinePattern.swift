import PCRE2Kit

/// One of pubgate's own patterns (``LinePatterns``), compiled once with its name, so a pattern that
/// does not compile is reported by name when the configuration loads (exit 78) instead of
/// switching a check off.
///
/// Line patterns are PCRE2 in UTF mode; by default with Unicode properties for `\d`, `\s` and `\w`
/// (as the ICU patterns they replaced had). Write `\p{sc:Han}` for Han characters, since PCRE2's
/// `\p{Han}` also matches 、。（）.
final class LinePattern: Sendable {
    /// The registry's name for the pattern (``LinePatterns``), or where a data file declares it.
    let name: String
    /// The pattern as written.
    let source: String
    /// The compiled pattern: shared by every worker (a compiled PCRE2 pattern is immutable).
    let regex: PCRE2Regex

    /// Compiles `source`; a pattern that does not compile throws a ``ConfigurationError`` naming it.
    init(_ name: String, _ source: String, options: PCRE2Regex.Options = [.ucp], in file: String = LinePatterns.origin)
        throws(ConfigurationError)
    {
        self.name = name
        self.source = source
        do {
            regex = try PCRE2Regex(source, options: options)
        } catch {
            throw ConfigurationError(file: file, message: "pattern `\(name)` does not compile: \(error.description)")
        }
    }

    /// A pattern that must match a whole string: compiled anchored (`^(?:…)$`), so it can only be
    /// used where a whole match is meant (``Swift/String/wholeMatch(_:)``).
    final class Whole: Sendable {
        let pattern: LinePattern

        init(_ name: String, _ source: String, in file: String = LinePatterns.origin) throws(ConfigurationError) {
            pattern = try LinePattern(name, "^(?:" + source + ")$", in: file)
        }
    }
}
