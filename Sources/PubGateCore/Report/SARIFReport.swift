import Crypto
import Foundation

/// The manifest as SARIF 2.1.0 (conventions.md §3): one result per finding, rules with help text and
/// legal sources, `columnKind: unicodeCodePoints`, content-based fingerprints (stable when lines
/// move), masked snippets only. Documents-level findings point at the file without a region.
public struct SARIFReport: Encodable {
    let manifest: Manifest

    public init(_ manifest: Manifest) {
        self.manifest = manifest
    }

    /// Deterministic bytes (sorted keys; no clock: the review date is the manifest's).
    public func encoded() throws -> Data {
        try AtomicWriter.encodeJSON(self)
    }

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("https://json.schemastore.org/sarif-2.1.0.json", forKey: .schema)
        try c.encode("2.1.0", forKey: .version)
        try c.encode([run], forKey: .runs)
    }

    var run: Run {
        var rules: [String: Rule] = [:]
        var results: [Result] = []
        for doc in manifest.documents {
            for f in doc.findings {
                if rules[f.ruleID] == nil { rules[f.ruleID] = Self.rule(for: f) }
                results.append(Self.result(f, path: doc.path))
            }
            // Accepted findings stay visible, marked with their suppression and its reason.
            for s in doc.suppressed {
                let f = s.finding
                if rules[f.ruleID] == nil { rules[f.ruleID] = Self.rule(for: f) }
                var r = Self.result(f, path: doc.path)
                r.suppressions = [
                    .init(kind: s.suppression.source == .inline ? "inSource" : "external", justification: s.suppression.reason)
                ]
                results.append(r)
            }
        }
        let ordered = rules.values.sorted { $0.id < $1.id }
        let index = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.id, $0) })
        for i in results.indices { results[i].ruleIndex = index[results[i].ruleId] ?? 0 }
        return Run(
            tool: .init(driver: .init(name: "pubgate", semanticVersion: manifest.version, informationUri: "https://example.invalid/pubgate", rules: ordered)),
            columnKind: "unicodeCodePoints",
            automationDetails: .init(id: "pubgate/review/\(manifest.asOf)"),
            results: results)
    }

    /// The rule entry a finding describes (its first occurrence names it).
    static func rule(for f: Finding) -> Rule {
        Rule(
            id: f.ruleID, name: f.ruleID, shortDescription: .init(text: f.kind.rawValue.replacingOccurrences(of: "_", with: " ")),
            fullDescription: .init(text: nonEmpty(f.message)), help: .init(text: nonEmpty(f.remediation ?? f.message)),
            defaultConfiguration: .init(level: level(f.severity)),
            properties: .init(kind: f.kind.rawValue, sources: f.sources, tags: [f.kind.rawValue]))
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .block, .review, .fix: "error"
        case .warn: "warning"
        case .info: "note"
        }
    }

    static func nonEmpty(_ s: String) -> String { s.isEmpty ? "-" : s }

    /// Repository-relative URI of a reported path (`./` and the working directory removed).
    static func uri(_ path: String) -> String {
        var p = path
        let cwd = FileManager.default.currentDirectoryPath
        if p.hasPrefix(cwd + "/") { p = String(p.dropFirst(cwd.count + 1)) }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        return p.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? p
    }

    static func result(_ f: Finding, path: String) -> Result {
        var region: Region?
        var logical: [LogicalLocation]?
        if let l = f.location, let container = l.container {
            // Lines of a container's extracted text are not lines of the file: name the place instead.
            logical = [LogicalLocation(fullyQualifiedName: container, kind: "element")]
        } else if let l = f.location {
            region = Region(
                startLine: l.line, startColumn: max(1, l.column), endLine: l.endLine, endColumn: max(1, l.endColumn),
                byteOffset: l.byteStart, byteLength: max(0, l.byteEnd - l.byteStart), snippet: f.masked.map { .init(text: $0) })
        }
        // Content-based: the rule, the file and the masked text and context, not the line number.
        let basis = [f.ruleID, uri(path), f.masked ?? "", f.excerpt ?? f.message].joined(separator: "\u{1F}")
        let hash = Hex.encode(SHA256.hash(data: Data(basis.utf8))).prefix(16)
        return Result(
            ruleId: f.ruleID, ruleIndex: 0, level: level(f.severity), message: .init(text: nonEmpty(f.message)),
            locations: [.init(physicalLocation: .init(artifactLocation: .init(uri: uri(path)), region: region), logicalLocations: logical)],
            partialFingerprints: ["primaryLocationLineHash": "\(hash):1", "pubgate/v1": String(hash)],
            properties: .init(kind: f.kind.rawValue, severity: f.severity.rawValue, part: f.part.rawValue))
    }

    struct Run: Encodable {
        let tool: Tool
        let columnKind: String
        let automationDetails: Automation
        let results: [Result]
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name: String
        let semanticVersion: String
        let informationUri: String
        let rules: [Rule]
    }

    struct Automation: Encodable { let id: String }

    struct Text: Encodable { let text: String }

    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let help: Text
        let defaultConfiguration: Configuration
        let properties: Properties

        struct Configuration: Encodable { let level: String }

        struct Properties: Encodable {
            let kind: String
            let sources: [String]
            let tags: [String]
        }
    }

    struct Result: Encodable {
        let ruleId: String
        var ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: Properties
        var suppressions: [SARIFSuppression]? = nil

        struct SARIFSuppression: Encodable {
            let kind: String
            let justification: String
        }

        struct Properties: Encodable {
            let kind: String
            let severity: String
            let part: String
        }
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        /// The place inside a container document (`原始数据!B2`, `word/header1.xml ¶1`, `page 2 line 3`).
        let logicalLocations: [LogicalLocation]?
    }

    struct LogicalLocation: Encodable {
        let fullyQualifiedName: String
        let kind: String
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: Artifact
        let region: Region?
    }

    struct Artifact: Encodable { let uri: String }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let byteOffset: Int
        let byteLength: Int
        let snippet: Text?
    }
}
