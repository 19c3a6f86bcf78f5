import PCRE2Kit

/// A rule with its patterns compiled once; shared read-only by every scanning task (a class, so
/// handing it around the scan loop is one reference count, not one per string of its rule).
public final class CompiledRule: Sendable {
    public let rule: Rule
    let file: String
    let regex: PCRE2Regex
    let exclusionPatterns: [PCRE2Regex]
    let validator: Validators.Check?
    /// Words one of which a document must hold for the rule to find anything, as normalized UTF-8:
    /// its `keywords`, else its context's `require_any` words (a match with none of them nearby is
    /// dropped, so a document with none of them anywhere has no match to keep).
    let keywords: [[UInt8]]
    let excludedValues: Set<String>
    /// `applies_to.unless_document_has` as normalized UTF-8.
    let absentWords: [[UInt8]]
    /// `applies_to.unless_document_shows`.
    let absentFacts: [DocumentFact]

    /// Compiles `rule`, naming the file, the rule and the pattern offset on failure.
    init(rule: Rule, file: String, limits: PCRE2Regex.Limits) throws(ConfigurationError) {
        self.rule = rule
        self.file = file
        let options = try Self.options(of: rule, file: file)
        do {
            regex = try PCRE2Regex(rule.pattern, options: options, limits: limits)
        } catch {
            throw ConfigurationError(
                file: file, ruleID: rule.id,
                message: "pattern does not compile: \(error.message) at offset \(error.offset ?? 0)")
        }
        if let group = rule.group, group > regex.captureCount {
            throw ConfigurationError(
                file: file, ruleID: rule.id, message: "group \(group) does not exist (pattern has \(regex.captureCount))")
        }
        var exclusions: [PCRE2Regex] = []
        for (i, p) in (rule.exclude?.patterns ?? []).enumerated() {
            do {
                exclusions.append(try PCRE2Regex(p, options: [], limits: limits))
            } catch {
                throw ConfigurationError(
                    file: file, ruleID: rule.id,
                    message: "exclude pattern \(i + 1) does not compile: \(error.message) at offset \(error.offset ?? 0)")
            }
        }
        exclusionPatterns = exclusions
        if let name = rule.validator {
            guard let check = Validators.all[name] else {
                throw ConfigurationError(
                    file: file, ruleID: rule.id,
                    message: "unknown validator `\(name)` (known: \(Validators.all.keys.sorted().joined(separator: ", ")))")
            }
            validator = check
        } else {
            validator = nil
        }
        let normalizer = Normalizer()
        keywords = (rule.keywords ?? rule.context?.requireAny ?? []).map { normalizer.normalize($0) }
        excludedValues = Set(rule.exclude?.values ?? [])
        absentWords = (rule.appliesTo?.unlessDocumentHas ?? []).map { normalizer.normalize($0) }
        absentFacts = rule.appliesTo?.unlessDocumentShows ?? []
    }

    /// The rule's pattern options: multiline and the offset limit, with its `flags`.
    static func options(of rule: Rule, file: String) throws(ConfigurationError) -> PCRE2Regex.Options {
        var options: PCRE2Regex.Options = [.multiline, .offsetLimit]
        for flag in rule.flags ?? [] {
            switch flag {
            case "multiline": options.insert(.multiline)
            case "caseless", "i": options.insert(.caseless)
            case "dotall", "s": options.insert(.dotAll)
            case "extended", "x": options.insert(.extended)
            default: throw ConfigurationError(file: file, ruleID: rule.id, message: "unknown flag `\(flag)`")
            }
        }
        return options
    }
}
