import Foundation
import Yams

/// The thresholds and severities of `Rules/aggregation.yaml`, checked strictly (an unknown key is
/// an error naming it).
public struct AggregationRules: Sendable, Codable {
    public struct Linkage: Sendable, Codable {
        public var enabled: Bool
        public var severity: Severity
        public var minAttributes: Int

        enum CodingKeys: String, CodingKey {
            case enabled, severity
            case minAttributes = "min_attributes"
        }
    }

    public struct Reconstruction: Sendable, Codable {
        public var enabled: Bool
        public var severity: Severity
    }

    public struct Bulk: Sendable, Codable {
        public var enabled: Bool
        public var severity: Severity
        public var bulkPersons: Int
        public var windowDays: Int
        public var escalateScore: Double
        public var escalateSeverity: Severity

        enum CodingKeys: String, CodingKey {
            case enabled, severity
            case bulkPersons = "bulk_persons"
            case windowDays = "window_days"
            case escalateScore = "escalate_score"
            case escalateSeverity = "escalate_severity"
        }
    }

    public struct Layout: Sendable, Codable {
        public var enabled: Bool
        public var severity: Severity
        public var minCategories: Int
        public var blockCategories: Int
        public var windowDays: Int

        enum CodingKeys: String, CodingKey {
            case enabled, severity
            case minCategories = "min_categories"
            case blockCategories = "block_categories"
            case windowDays = "window_days"
        }
    }

    public struct Republication: Sendable, Codable {
        public var enabled: Bool
        public var severity: Severity
    }

    public var linkage: Linkage
    public var reconstruction: Reconstruction
    public var bulk: Bulk
    public var layout: Layout
    public var republication: Republication

    enum CodingKeys: String, CodingKey {
        case linkage = "A-01"
        case reconstruction = "A-02"
        case bulk = "A-03"
        case layout = "A-04"
        case republication = "A-08"
    }

    public static let fileName = "aggregation.yaml"

    /// The decoded rules are kept in ``DecodedCache`` for exactly this file's bytes.
    public static func load(file: String) throws(ConfigurationError) -> AggregationRules {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(file: file, message: "cannot read the aggregation rules")
        }
        let decode = { () throws(ConfigurationError) -> AggregationRules in try parse(data, file: file) }
        guard let cache = DecodedCache.standard else { return try decode() }
        return try cache.value("aggregation", of: [.init(name: file, bytes: data)], decode: decode)
    }

    /// The rules `data` (the file `file`) holds.
    static func parse(_ data: Data, file: String) throws(ConfigurationError) -> AggregationRules {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, message: "cannot read the aggregation rules")
        }
        let root = try YAMLShape.mapping(text, file: file, expecting: "rules A-01 … A-08")
        try YAMLShape.check(root, known: ["version"] + CodingKeys.allKeys, file: file, at: "")
        let known: [String: [String]] = [
            "A-01": ["enabled", "severity", "min_attributes"], "A-02": ["enabled", "severity"],
            "A-03": ["enabled", "severity", "bulk_persons", "window_days", "escalate_score", "escalate_severity"],
            "A-04": ["enabled", "severity", "min_categories", "block_categories", "window_days"],
            "A-08": ["enabled", "severity"],
        ]
        for (rule, keys) in known {
            guard let m = root[rule]?.mapping else { throw ConfigurationError(file: file, message: "missing rule `\(rule)`") }
            try YAMLShape.check(m, known: keys, file: file, at: rule)
        }
        do {
            var mapping = root
            mapping["version"] = nil
            return try YAMLDecoder().decode(AggregationRules.self, from: Node.mapping(mapping))
        } catch let error as DecodingError {
            throw ConfigurationError(file: file, message: SettingsLoader.describe(error).message)
        } catch {
            throw ConfigurationError(file: file, message: error.summary)
        }
    }
}

extension AggregationRules.CodingKeys {
    static var allKeys: [String] { ["A-01", "A-02", "A-03", "A-04", "A-08"] }
}
