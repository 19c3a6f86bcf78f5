import Foundation
import PCRE2Kit
import POSIXKit
import Yams

/// Every rule loaded from the rule files, compiled and ready to share across scanning tasks.
public struct RuleSet: Sendable {
    public let rules: [CompiledRule]
    /// Unknown keys and other problems that do not stop the run.
    public let warnings: [ConfigurationWarning]
    /// Every rule in one Vectorscan database, built with the rules and shared like them.
    public let prefilter: Prefilter

    init(rules: [CompiledRule], warnings: [ConfigurationWarning]) {
        self.rules = rules
        prefilter = Prefilter(rules: rules)
        self.warnings = warnings + Self.confirmationWarnings(rules, prefilter.confirmations)
    }

    /// A rule confirmed over the whole document must say `needs_whole_document: true`, and only
    /// such a rule may: the cost of reading every document it hits is then the author's choice.
    private static func confirmationWarnings(_ rules: [CompiledRule], _ confirmations: [Confirmation]) -> [ConfigurationWarning] {
        zip(rules, confirmations).compactMap { compiled, confirmation in
            let declared = compiled.rule.needsWholeDocument == true
            switch confirmation {
            case .document where !declared:
                return ConfigurationWarning(
                    file: compiled.file,
                    message:
                        "rule `\(compiled.rule.id)`: its matches have no bound in bytes or line breaks, so it is confirmed over the whole document; bound its repeats or say `needs_whole_document: true`"
                )
            case .windows where declared, .lines where declared:
                return ConfigurationWarning(
                    file: compiled.file,
                    message: "rule `\(compiled.rule.id)` says `needs_whole_document: true` but is confirmed in windows (\(confirmation.summary))")
            default: return nil
            }
        }
    }

    /// Loads every `*.yaml`/`*.yml` file in `directory` (sorted), or a single file.
    ///
    /// Files other than scan rule files (those without a top-level `rules:` list) are skipped, so
    /// policy and configuration files can live beside the rules. The decoded files come from
    /// `cache` when it holds them for exactly these files' bytes; the patterns are compiled and
    /// the ids checked on every load, so a broken pattern stops the run either way.
    static func load(from path: String, limits: PCRE2Regex.Limits = PCRE2Regex.Limits()) throws(ConfigurationError) -> RuleSet {
        try load(from: path, limits: limits, cache: .standard)
    }

    /// ``load(from:limits:)`` with the decoded files kept in `cache` (nil: parsed every time).
    static func load(from path: String, limits: PCRE2Regex.Limits, cache: DecodedCache?) throws(ConfigurationError) -> RuleSet {
        guard let isDir = POSIXFiles.isDirectory(path) else {
            throw ConfigurationError(file: path, message: "rules path does not exist")
        }
        var files: [String] = []
        if isDir {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { path + "/" + $0 }
        } else {
            files = [path]
        }
        var sources: [DecodedCache.Source] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ConfigurationError(file: file, message: "cannot read the file as UTF-8")
            }
            sources.append(DecodedCache.Source(name: file, bytes: data))
        }
        let decode = { () throws(ConfigurationError) -> [DecodedRuleFile] in try decoded(sources) }
        let decodedFiles: [DecodedRuleFile]
        if let cache {
            decodedFiles = try cache.value("rules", of: sources, decode: decode)
        } else {
            decodedFiles = try decode()
        }
        var compiled: [CompiledRule] = []
        var warnings: [ConfigurationWarning] = []
        var ids: [String: String] = [:]
        for decodedFile in decodedFiles {
            let file = decodedFile.file
            warnings += decodedFile.warnings.map { ConfigurationWarning(file: file, message: $0) }
            for rule in decodedFile.rules ?? [] {
                if let other = ids[rule.id] {
                    throw ConfigurationError(file: file, ruleID: rule.id, message: "duplicate rule id (also in \(other))")
                }
                ids[rule.id] = file
                compiled.append(try CompiledRule(rule: rule, file: file, limits: limits))
            }
        }
        return RuleSet(rules: compiled, warnings: warnings)
    }

    /// One file as ``load(from:limits:cache:)`` decodes it (and ``DecodedCache`` keeps it): its
    /// rules (nil for a file that holds none) and the warnings about it.
    struct DecodedRuleFile: Codable {
        let file: String
        let rules: [Rule]?
        let warnings: [String]
    }

    /// The rule files among `sources`, decoded and checked.
    static func decoded(_ sources: [DecodedCache.Source]) throws(ConfigurationError) -> [DecodedRuleFile] {
        var out: [DecodedRuleFile] = []
        for source in sources {
            guard let text = String(data: source.bytes, encoding: .utf8) else {
                throw ConfigurationError(file: source.name, message: "cannot read the file as UTF-8")
            }
            guard let (ruleFile, fileWarnings) = try parse(text, file: source.name) else {
                out.append(DecodedRuleFile(file: source.name, rules: nil, warnings: []))
                continue
            }
            out.append(DecodedRuleFile(file: source.name, rules: ruleFile.rules, warnings: fileWarnings.map(\.message)))
        }
        return out
    }

    /// Decodes one rule file; nil when the file holds no `rules:` list.
    static func parse(_ text: String, file: String) throws(ConfigurationError) -> (RuleFile, [ConfigurationWarning])? {
        // One parse serves the key check and the decoding, with the decoder's own resolver (merge
        // keys only: a plain scalar is read as the field's type asks, not resolved by regular
        // expressions first). Parsing each file twice was most of pubgate's start-up.
        let decoder = YAMLDecoder()
        let parser: Parser
        let node: Node?
        do {
            parser = try Parser(yaml: text, resolver: Resolver.basic.appending(.merge), encoding: decoder.options.encoding)
            node = try parser.singleRoot()
        } catch {
            throw ConfigurationError(file: file, message: "invalid YAML: \(error.summary)")
        }
        if node?.expands() == true {
            throw ConfigurationError(file: file, message: "the file expands to more than \(Node.maxExpandedValues) values through YAML aliases")
        }
        guard let root = node?.mapping, root[key: "rules"] != nil else { return nil }
        var warnings = unknownKeys(in: root, file: file)
        let decoded: RuleFile
        do {
            // The parser owns the anchors the nodes refer to.
            decoded = try withExtendedLifetime(parser) { try decoder.decode(RuleFile.self, from: Node.mapping(root)) }
        } catch let error as DecodingError {
            throw ConfigurationError(file: file, ruleID: ruleID(in: root, at: error), message: describe(error))
        } catch {
            throw ConfigurationError(file: file, message: error.summary)
        }
        guard decoded.version <= RuleFile.supportedVersion else {
            throw ConfigurationError(
                file: file, message: "rule file version \(decoded.version) is newer than this pubgate supports (\(RuleFile.supportedVersion))")
        }
        warnings += try checked(decoded.rules, file: file)
        return (decoded, warnings)
    }

    /// Warnings for keys the file or its rules have that pubgate does not know (ignored, said).
    private static func unknownKeys(in root: Node.Mapping, file: String) -> [ConfigurationWarning] {
        var warnings: [ConfigurationWarning] = []
        func check(_ mapping: Node.Mapping?, known: [String], at place: String) {
            for key in mapping?.keys.compactMap(\.string) ?? [] where !known.contains(key) {
                warnings.append(ConfigurationWarning(file: file, message: "unknown key `\(key)` in \(place) (ignored)"))
            }
        }
        check(root, known: RuleFile.CodingKeys.allCases.map(\.rawValue), at: "the file")
        for ruleNode in root[key: "rules"]?.sequence ?? [] {
            let id = ruleNode.mapping?[key: "id"]?.string ?? "?"
            check(ruleNode.mapping, known: Rule.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)`")
            check(ruleNode.mapping?[key: "context"]?.mapping, known: RuleContext.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)` context")
            check(ruleNode.mapping?[key: "exclude"]?.mapping, known: RuleExclusions.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)` exclude")
            check(ruleNode.mapping?[key: "applies_to"]?.mapping, known: RuleScope.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)` applies_to")
            check(ruleNode.mapping?[key: "examples"]?.mapping, known: RuleExamples.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)` examples")
        }
        return warnings
    }

    /// Checks what decoding cannot: every rule has examples and a known kind; warns of `\p{Han}`.
    private static func checked(_ rules: [Rule], file: String) throws(ConfigurationError) -> [ConfigurationWarning] {
        var warnings: [ConfigurationWarning] = []
        for rule in rules {
            if rule.pattern.contains("\\p{Han}") || rule.pattern.contains("\\P{Han}") {
                warnings.append(
                    ConfigurationWarning(
                        file: file,
                        message:
                            "rule `\(rule.id)`: \\p{Han} also matches 、。（） (PCRE2 uses script extensions); write \\p{sc:Han} for Han characters only")
                )
            }
            if rule.examples.match.isEmpty {
                throw ConfigurationError(file: file, ruleID: rule.id, message: "rule has no `examples.match` (every rule needs examples)")
            }
            if !FindingKind.vocabulary.contains(rule.kind) {
                throw ConfigurationError(file: file, ruleID: rule.id, message: "unknown kind `\(rule.kind)` (see Pipeline.md)")
            }
        }
        return warnings
    }

    private static func ruleID(in root: Node.Mapping, at error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        @unknown default: return nil
        }
        guard path.count >= 2, path[0].stringValue == "rules", let index = path[1].intValue,
            let rules = root[key: "rules"]?.sequence, index < rules.count
        else { return nil }
        return rules[index].mapping?[key: "id"]?.string ?? "#\(index + 1)"
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let c): return "missing key `\(key.stringValue)` at \(dotted(c.codingPath))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            return "invalid value at \(dotted(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func dotted(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
