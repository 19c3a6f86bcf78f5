import Foundation

/// What `pubgate check --json` prints on stdout instead of one line per finding: each finding shown
/// (path, place, rule, kind, severity, message in the report's language, masked text), the counts,
/// stale suppressions and Git LFS pointers, and whether the change is refused.
public struct CheckSummaryJSON: Encodable {
    let manifest: Manifest
    let options: ReportOptions
    let minimum: Severity
    let lfsPointers: [String]

    public init(_ manifest: Manifest, options: ReportOptions, minimum: Severity, lfsPointers: [String]) {
        self.manifest = manifest
        self.options = options
        self.minimum = minimum
        self.lfsPointers = lfsPointers
    }

    struct Shown: Encodable {
        let path: String
        let line: Int
        let column: Int
        let container: String?
        let rule: String
        let kind: String
        let severity: Severity
        let message: String
        let messageID: String?
        let text: String?

        enum CodingKeys: String, CodingKey {
            case path, line, column, container, rule, kind, severity, message, text
            case messageID = "message_id"
        }
    }

    enum CodingKeys: String, CodingKey {
        case files, assets, refused, blocked, findings
        case staleSuppressions = "stale_suppressions"
        case lfsPointers = "lfs_pointers"
    }

    public func encode(to encoder: any Encoder) throws {
        try SummaryHeader(command: "check", version: manifest.version, asOf: manifest.asOf).encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        var shown: [Shown] = []
        var assets = 0
        for doc in manifest.documents {
            if doc.role == .asset { assets += 1 }
            for f in doc.findings where f.severity >= minimum {
                shown.append(
                    Shown(
                        path: doc.path, line: f.location?.line ?? 1, column: f.location?.column ?? 1, container: f.location?.container,
                        rule: f.ruleID, kind: f.kind.rawValue, severity: f.severity, message: options.text.message(f), messageID: f.messageKey,
                        text: f.masked))
            }
        }
        try c.encode(manifest.documents.count, forKey: .files)
        try c.encode(assets, forKey: .assets)
        try c.encode(manifest.summary.rejected, forKey: .refused)
        try c.encode(manifest.summary.rejected > 0 || !lfsPointers.isEmpty, forKey: .blocked)
        try c.encode(shown, forKey: .findings)
        try c.encode(manifest.staleSuppressions, forKey: .staleSuppressions)
        try c.encode(lfsPointers, forKey: .lfsPointers)
    }

    public func encoded() throws -> Data { try AtomicWriter.encodeJSON(self) }

    /// The JSON of a check that had nothing to review (no page or document among the files, or
    /// only Git LFS pointers, which block).
    public static func nothing(version: String, lfsPointers: [String]) throws -> Data {
        struct Nothing: Encodable {
            let version: String
            let lfsPointers: [String]

            enum CodingKeys: String, CodingKey {
                case files, assets, refused, blocked, findings
                case lfsPointers = "lfs_pointers"
            }

            func encode(to encoder: any Encoder) throws {
                try SummaryHeader(command: "check", version: version, asOf: nil).encode(to: encoder)
                var c = encoder.container(keyedBy: CodingKeys.self)
                for key in [CodingKeys.files, .assets, .refused] { try c.encode(0, forKey: key) }
                try c.encode(!lfsPointers.isEmpty, forKey: .blocked)
                try c.encode([String](), forKey: .findings)
                try c.encode(lfsPointers, forKey: .lfsPointers)
            }
        }
        return try AtomicWriter.encodeJSON(Nothing(version: version, lfsPointers: lfsPointers))
    }
}
