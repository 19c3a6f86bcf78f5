import Foundation
import Yams

/// The expiry triggers, the working-day calendar and the validity phrasings of `Rules/expiry.yaml`,
/// checked strictly: an unknown key, trigger kind or action, or a phrasing whose examples fail,
/// stops the run naming the file and the rule.
public struct ExpiryRules: Sendable {
    let triggers: [ExpiryTrigger]
    let calendar: WorkdayCalendar
    public let phrasebook: ValidityPhrasebook

    static let fileName = "expiry.yaml"

    /// Enabled triggers of `kind`, in file order.
    func enabled(_ kind: ExpiryTrigger.Kind) -> [ExpiryTrigger] {
        triggers.filter { $0.kind == kind && $0.action != .off }
    }

    static func load(file: String) throws(ConfigurationError) -> ExpiryRules {
        let text = try YAMLShape.read(file, what: "expiry rules")
        return try parse(text, file: file)
    }

    static func parse(_ text: String, file: String) throws(ConfigurationError) -> ExpiryRules {
        let root = try YAMLShape.mapping(text, file: file, expecting: "`triggers`")
        try YAMLShape.check(root, known: ["version", "triggers", "calendar", "phrasings"], file: file, at: "")
        var triggers: [ExpiryTrigger] = []
        var ids: Set<String> = []
        for (index, node) in (root[key: "triggers"]?.sequence ?? []).enumerated() {
            triggers.append(try trigger(node, index: index, ids: &ids, file: file))
        }
        var calendar = WorkdayCalendar()
        if let c = root[key: "calendar"]?.mapping {
            try YAMLShape.check(c, known: ["holidays", "workdays"], file: file, at: "calendar")
            func dates(_ key: String) throws(ConfigurationError) -> Set<SimpleDate> {
                var out: Set<SimpleDate> = []
                for node in c[key: key]?.sequence ?? [] {
                    guard let s = node.string, let d = SimpleDate(parsing: s) else {
                        throw ConfigurationError(file: file, message: "calendar.\(key): not a date: \(node.string ?? "?")")
                    }
                    out.insert(d)
                }
                return out
            }
            calendar = WorkdayCalendar(holidays: try dates("holidays"), workdays: try dates("workdays"))
        }
        let phrasebook = try ValidityPhrasebook.parse(Array(root[key: "phrasings"]?.sequence ?? []), file: file)
        return ExpiryRules(triggers: triggers, calendar: calendar, phrasebook: phrasebook)
    }

    /// One trigger of the file (its id new among `ids`).
    private static func trigger(_ node: Node, index: Int, ids: inout Set<String>, file: String) throws(ConfigurationError) -> ExpiryTrigger {
        guard let m = node.mapping else { throw ConfigurationError(file: file, message: "triggers[\(index)] is not a mapping") }
        let id = m[key: "id"]?.string ?? ""
        let place = "triggers[\(index)] (\(id))"
        guard !id.isEmpty, ids.insert(id).inserted else {
            throw ConfigurationError(file: file, message: "\(place): missing or duplicate id")
        }
        try YAMLShape.check(
            m, known: ["id", "trigger", "action", "reason", "label", "values", "grace_days", "months", "columns"], file: file,
            at: place)
        guard let kind = m[key: "trigger"]?.string.flatMap(ExpiryTrigger.Kind.init(rawValue:)) else {
            throw ConfigurationError(
                file: file, ruleID: id,
                message:
                    "unknown trigger `\(m[key: "trigger"]?.string ?? "")` (one of \(ExpiryTrigger.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        guard let action = m[key: "action"]?.string.flatMap(ExpiryTrigger.Action.init(rawValue:)) else {
            throw ConfigurationError(file: file, ruleID: id, message: "action must be purge, relabel, review or off")
        }
        func integer(_ key: String, default value: Int) throws(ConfigurationError) -> Int {
            guard let node = m[key: key] else { return value }
            guard let n = node.int, n >= 0 else { throw ConfigurationError(file: file, ruleID: id, message: "`\(key)` must be a whole number ≥ 0") }
            return n
        }
        var columns: [String: Int] = [:]
        for (k, v) in m[key: "columns"]?.mapping ?? [:] {
            guard let name = k.string, let years = v.int, years > 0 else {
                throw ConfigurationError(file: file, ruleID: id, message: "`columns` maps a column name to a number of years")
            }
            columns[name] = years
        }
        return ExpiryTrigger(
            id: id, kind: kind, action: action, reason: m[key: "reason"]?.string ?? kind.rawValue,
            label: m[key: "label"].map { $0.string ?? "" }.flatMap { $0.isEmpty ? nil : $0 } ?? kind.defaultLabel,
            values: m[key: "values"]?.sequence?.compactMap(\.string) ?? [],
            graceDays: try integer("grace_days", default: 0), months: try integer("months", default: 36),
            columns: columns)
    }
}
