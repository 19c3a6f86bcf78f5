import Foundation
import Yams

/// The thresholds and severities of `Rules/aggregation.yaml`, checked strictly (an unknown key is
/// an error naming it).
struct AggregationRules: Sendable, Codable {
    struct Linkage: Sendable, Codable {
        var enabled: Bool
        var severity: Severity
        var minAttributes: Int

        enum CodingKeys: String, CodingKey {
            case enabled, severity
            case minAttributes = "min_attributes"
        }
    }

    struct Reconstruction: Sendable, Codable {
        var enabled: Bool
        var severity: Severity
    }

    struct Bulk: Sendable, Codable {
        var enabled: Bool
        var severity: Severity
        var bulkPersons: Int
        var windowDays: Int
        var escalateScore: Double
        var escalateSeverity: Severity

        enum CodingKeys: String, CodingKey {
            case enabled, severity
            case bulkPersons = "bulk_persons"
            case windowDays = "window_days"
            case escalateScore = "escalate_score"
            case escalateSeverity = "escalate_severity"
        }
    }

    struct Layout: Sendable, Codable {
        var enabled: Bool
        var severity: Severity
        var minCategories: Int
        var blockCategories: Int
        var windowDays: Int

        enum CodingKeys: String, CodingKey {
            case enabled, severity
            case minCategories = "min_categories"
            case blockCategories = "block_categories"
            case windowDays = "window_days"
        }
    }

    struct Republication: Sendable, Codable {
        var enabled: Bool
        var severity: Severity
    }

    var linkage: Linkage
    var reconstruction: Reconstruction
    var bulk: Bulk
    var layout: Layout
    var republication: Republication

    enum CodingKeys: String, CodingKey {
        case linkage = "A-01"
        case reconstruction = "A-02"
        case bulk = "A-03"
        case layout = "A-04"
        case republication = "A-08"
    }

    static let fileName = "aggregation.yaml"

    /// The decoded rules are kept in ``DecodedCache`` for exactly this file's bytes.
    static func load(file: String) throws(ConfigurationError) -> AggregationRules {
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
        let root = try YAMLShape.mapping(text, file: file, expecting: "rules A-01 … A-08", cachedTree: false)
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
