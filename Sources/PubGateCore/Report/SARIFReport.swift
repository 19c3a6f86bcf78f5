import Crypto
import Foundation

/// The manifest as SARIF 2.1.0 for code scanning (docs/conventions.md §3): one result per finding shown,
/// each rule described once from the rule itself — its title, what it finds and why
/// (`fullDescription`), the remediation (`help`), a `security-severity` — in the report's
/// language; `columnKind: unicodeCodePoints`, content-based fingerprints (stable when lines move),
/// masked snippets only. Document-level findings point at the file without a region.
///
/// Within GitHub's limits: `info` findings are left out unless `--min-severity info` asks for them
/// (12,000 landline notes in a 10,000-document batch drown the rest), and a run keeps at most
/// 25,000 results — the most severe, in document order — with a notification saying how many were
/// left out; the manifest has them all.
struct SARIFReport: Encodable {
    let manifest: Manifest
    let options: ReportOptions

    init(_ manifest: Manifest, options: ReportOptions = ReportOptions()) {
        self.manifest = manifest
        self.options = options
    }

    /// Deterministic bytes (sorted keys; no clock: the review date is the manifest's).
    func encoded() throws -> Data {
        try AtomicWriter.encodeJSON(self)
    }

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("https://json.schemastore.org/sarif-2.1.0.json", forKey: .schema)
        try c.encode("2.1.0", forKey: .version)
        try c.encode([run], forKey: .runs)
    }

    var run: Run {
        let text = options.text
        var found: [(finding: Finding, result: Result)] = []
        for doc in manifest.documents {
            for f in doc.findings where options.shows(f.severity, in: .sarif) {
                found.append((f, Self.result(f, path: doc.path, message: text.message(f))))
            }
            // Accepted findings stay visible, marked with their suppression and its reason.
            for s in doc.suppressed where options.shows(s.finding.severity, in: .sarif) {
                var r = Self.result(s.finding, path: doc.path, message: text.message(s.finding))
                r.suppressions = [
                    .init(kind: s.suppression.source == .inline ? "inSource" : "external", justification: s.suppression.reason)
                ]
                found.append((s.finding, r))
            }
        }
        let total = found.count
        var notifications: [Notification] = []
        if total > options.sarifMaxResults {
            // The most severe are kept; within a severity, document order (a stable sort).
            let kept = found.indices.sorted {
                found[$0].finding.severity != found[$1].finding.severity ? found[$0].finding.severity > found[$1].finding.severity : $0 < $1
            }
            .prefix(options.sarifMaxResults).sorted()
            let lowest = kept.map { found[$0].finding.severity }.min() ?? .block
            found = kept.map { found[$0] }
            notifications.append(
                Notification(
                    level: "warning", descriptor: .init(id: "pubgate/results-truncated"),
                    message: .init(
                        text: text.text(
                            "sarif.truncated",
                            [
                                "omitted": String(total - found.count), "total": String(total), "limit": String(options.sarifMaxResults),
                                "severity": text.severity(lowest),
                            ]))))
        }
        var severities: [String: Severity] = [:]
        var first: [String: Finding] = [:]
        for (f, _) in found {
            severities[f.ruleID] = max(severities[f.ruleID] ?? f.severity, f.severity)
            if first[f.ruleID] == nil { first[f.ruleID] = f }
        }
        let ordered = first.keys.sorted().map { self.rule($0, example: first[$0]!, severity: severities[$0]!) }
        let index = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.id, $0) })
        var results = found.map(\.result)
        for i in results.indices { results[i].ruleIndex = index[results[i].ruleId] ?? 0 }
        return Run(
            tool: .init(
                driver: .init(name: "pubgate", semanticVersion: manifest.version, informationUri: "https://example.invalid/pubgate", rules: ordered)),
            invocations: notifications.isEmpty ? nil : [Invocation(executionSuccessful: true, toolExecutionNotifications: notifications)],
            columnKind: "unicodeCodePoints",
            automationDetails: .init(id: "pubgate/review/\(manifest.asOf)"),
            results: results)
    }

    /// The rule entry: its texts from the rule (the catalogue, the rule file), never from one of its
    /// findings; its kind and legal sources from the rule file, else from its findings (the same for
    /// every finding of a rule made in code); its level and security severity from the strictest
    /// severity it has in this run (the rule file's as the site's settings and the context left it).
    func rule(_ id: String, example f: Finding, severity: Severity) -> Rule {
        let text = options.text
        let scan = text.scanRules[id]
        let kind = scan?.kind ?? f.kind
        let description = text.description(rule: id)
        let help = text.help(rule: id)
        return Rule(
            id: id, name: id, shortDescription: .init(text: Self.nonEmpty(text.title(rule: id))),
            fullDescription: .init(text: Self.nonEmpty(description)),
            help: .init(text: Self.nonEmpty(help ?? description)),
            defaultConfiguration: .init(level: Self.level(severity)),
            properties: .init(
                kind: kind.rawValue, sources: scan?.sources ?? f.sources, tags: ["security", kind.rawValue],
                securitySeverity: Self.securitySeverity(severity),
                problemSeverity: Self.level(severity) == "note" ? "recommendation" : Self.level(severity)))
    }

    /// GitHub's security severity (0.1–10.0: critical from 9.0, high from 7.0, medium from 4.0):
    /// what must not be published is critical, what a person must decide high, what the author
    /// corrects medium, warnings and notes low.
    static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .block: "9.5"
        case .review: "7.5"
        case .fix: "5.0"
        case .warn: "3.0"
        case .info: "1.0"
        }
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

    static func result(_ f: Finding, path: String, message: String) -> Result {
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
            ruleId: f.ruleID, ruleIndex: 0, level: level(f.severity), message: .init(text: nonEmpty(message)),
            locations: [.init(physicalLocation: .init(artifactLocation: .init(uri: uri(path)), region: region), logicalLocations: logical)],
            partialFingerprints: ["primaryLocationLineHash": "\(hash):1", "pubgate/v1": String(hash)],
            properties: .init(kind: f.kind.rawValue, severity: f.severity.rawValue, part: f.part.rawValue))
    }

    struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]?
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

    /// Why results are missing from the run (GitHub's limit), shown by code scanning as a tool message.
    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let descriptor: Descriptor
        let message: Text

        struct Descriptor: Encodable { let id: String }
    }

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
            let securitySeverity: String
            let problemSeverity: String

            enum CodingKeys: String, CodingKey {
                case kind, sources, tags
                case securitySeverity = "security-severity"
                case problemSeverity = "problem.severity"
            }
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
