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

    public init(rules: [CompiledRule], warnings: [ConfigurationWarning]) {
        self.rules = rules
        self.warnings = warnings
        prefilter = Prefilter(rules: rules)
    }

    /// Loads every `*.yaml`/`*.yml` file in `directory` (sorted), or a single file.
    ///
    /// Files other than scan rule files (those without a top-level `rules:` list) are skipped, so
    /// policy and configuration files can live beside the rules.
    public static func load(from path: String, limits: PCRE2Regex.Limits = PCRE2Regex.Limits()) throws(ConfigurationError) -> RuleSet {
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
        var compiled: [CompiledRule] = []
        var warnings: [ConfigurationWarning] = []
        var ids: [String: String] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(file: file, message: "cannot read the file as UTF-8")
            }
            guard let (ruleFile, fileWarnings) = try parse(text, file: file) else { continue }
            warnings += fileWarnings
            for rule in ruleFile.rules {
                if let other = ids[rule.id] {
                    throw ConfigurationError(file: file, ruleID: rule.id, message: "duplicate rule id (also in \(other))")
                }
                ids[rule.id] = file
                compiled.append(try CompiledRule(rule: rule, file: file, limits: limits))
            }
        }
        return RuleSet(rules: compiled, warnings: warnings)
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
        guard let root = node?.mapping, root["rules"] != nil else { return nil }
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
        for ruleNode in root["rules"]?.sequence ?? [] {
            let id = ruleNode.mapping?["id"]?.string ?? "?"
            check(ruleNode.mapping, known: Rule.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)`")
            check(ruleNode.mapping?["context"]?.mapping, known: RuleContext.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)` context")
            check(ruleNode.mapping?["exclude"]?.mapping, known: RuleExclusions.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)` exclude")
            check(ruleNode.mapping?["applies_to"]?.mapping, known: RuleScope.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)` applies_to")
            check(ruleNode.mapping?["examples"]?.mapping, known: RuleExamples.CodingKeys.allCases.map(\.rawValue), at: "rule `\(id)` examples")
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
            let rules = root["rules"]?.sequence, index < rules.count
        else { return nil }
        return rules[index].mapping?["id"]?.string ?? "#\(index + 1)"
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
