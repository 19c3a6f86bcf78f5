import Foundation
import TOMLKit
import Yams

/// What a front matter block holds, read by the real parser of its syntax (Yams, TOMLKit,
/// Foundation's JSON parser): the fields as metadata, and every string value with its key.
///
/// Hugo reads front matter with these parsers' rules, so pubgate must too: a value written
/// `"机密"`, `'机密'` or `机密` is the same value, `title = "…" # 网站标题` has a title without
/// quotes or comment, and a TOML array or table spread over lines is one value.
struct FrontMatterContent {
    /// Scalar fields as strings; nested keys dotted (`params.xxgk.disclosure`), lists joined with
    /// `, `, dates as `YYYY-MM-DD` in Asia/Shanghai.
    var fields: [String: String] = [:]
    /// Every string value, in document order for YAML (key order for TOML and JSON).
    var leaves: [FrontMatterLeaf] = []

    init(_ block: FrontMatterBlock) throws(FrontMatterError) {
        switch block.syntax {
        case .yaml: try readYAML(block.content)
        case .toml: try readTOML(block.content)
        case .json: try readJSON(block.content)
        }
    }

    private mutating func readYAML(_ content: String) throws(FrontMatterError) {
        let composed: Node?
        do {
            // UTF-8 named: the default encoding is worked out from the environment on every call.
            composed = try Yams.compose(yaml: content, .default, .default, .utf8)
        } catch {
            throw FrontMatterError(summary: error.summary)
        }
        guard let node = composed else { return }
        if node.expands() {
            throw FrontMatterError(summary: "the block expands to more than \(Node.maxExpandedValues) values through YAML aliases")
        }
        guard let map = Constructor.default.any(from: node) as? [String: Any] else {
            throw FrontMatterError(summary: "the block is not a mapping of keys to values")
        }
        Self.flatten(map, prefix: "", into: &fields)
        collectYAML(node, path: [], keyMark: nil)
    }

    /// The string scalars under `node`, with the mark of the key they belong to.
    private mutating func collectYAML(_ node: Node, path: [String], keyMark: FrontMatterLeaf.Mark?) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let mark = key.mark.map { FrontMatterLeaf.Mark(line: $0.line, column: $0.column) }
                collectYAML(value, path: path + [key.string ?? ""], keyMark: mark)
            }
        case .sequence(let sequence):
            for item in sequence { collectYAML(item, path: path, keyMark: keyMark) }
        case .scalar(let scalar):
            // Plain scalars that YAML reads as numbers, booleans or dates stay in the block's text.
            guard node.tag == Tag(.str) else { return }
            leaves.append(
                FrontMatterLeaf(
                    path: path, value: scalar.string, keyMark: keyMark,
                    valueMark: scalar.mark.map { FrontMatterLeaf.Mark(line: $0.line, column: $0.column) }))
        case .alias:
            // The anchored node's values were collected where it was defined.
            break
        }
    }

    private mutating func readTOML(_ content: String) throws(FrontMatterError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: content)
        } catch let error as TOMLParseError {
            throw FrontMatterError(summary: "\(error.description) at line \(error.source.begin.line)")
        } catch {
            throw FrontMatterError(summary: "\(error)")
        }
        collectTOML(table, path: [])
    }

    private mutating func collectTOML(_ table: TOMLTable, path: [String]) {
        for (key, value) in zip(table.keys, table.values) { collectTOML(value, path: path + [key]) }
    }

    private mutating func collectTOML(_ value: TOMLValue, path: [String]) {
        let name = path.joined(separator: ".")
        switch value.type {
        case .table:
            if let table = value.table { collectTOML(table, path: path) }
        case .array:
            guard let array = value.array else { return }
            var items: [String] = []
            for element in array {
                let item = element.tomlValue
                switch item.type {
                case .table, .array: collectTOML(item, path: path)
                default:
                    if let s = Self.string(item) { items.append(s) }
                    if let s = item.string { leaves.append(FrontMatterLeaf(path: path, value: s)) }
                }
            }
            if !items.isEmpty { fields[name] = items.joined(separator: ", ") }
        case .string:
            if let s = value.string {
                fields[name] = s
                leaves.append(FrontMatterLeaf(path: path, value: s))
            }
        default:
            if let s = Self.string(value) { fields[name] = s }
        }
    }

    /// A TOML scalar as a field value: dates as `YYYY-MM-DD` (an offset date-time on its day in
    /// Asia/Shanghai, a local one on its own day, as Hugo reads it in the site's time zone).
    static func string(_ value: TOMLValue) -> String? {
        switch value.type {
        case .string: return value.string
        case .int: return value.int.map(String.init)
        case .double: return value.double.map { "\($0)" }
        case .bool: return value.bool.map { $0 ? "true" : "false" }
        case .date: return value.date.map { day($0.year, $0.month, $0.day) }
        case .time: return value.time.map { String(format: "%02d:%02d:%02d", $0.hour, $0.minute, $0.second) }
        case .dateTime:
            guard let dt = value.dateTime else { return nil }
            guard let offset = dt.offset else { return day(dt.date.year, dt.date.month, dt.date.day) }
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let components = DateComponents(
                year: dt.date.year, month: dt.date.month, day: dt.date.day, hour: dt.time.hour, minute: dt.time.minute,
                second: dt.time.second)
            guard let local = utc.date(from: components) else { return nil }
            return dateString(local.addingTimeInterval(TimeInterval(-offset.offset * 60)))
        case .table, .array: return nil
        }
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    private mutating func readJSON(_ content: String) throws(FrontMatterError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(content.utf8))
        } catch {
            throw FrontMatterError(summary: "\(error.localizedDescription)")
        }
        guard let map = object as? [String: Any] else {
            throw FrontMatterError(summary: "the block is not an object of keys to values")
        }
        Self.flatten(map, prefix: "", into: &fields)
        collect(json: map, path: [])
    }

    private mutating func collect(json value: Any, path: [String]) {
        switch value {
        case let map as [String: Any]:
            for key in map.keys.sorted() { collect(json: map[key]!, path: path + [key]) }
        case let list as [Any]:
            for item in list { collect(json: item, path: path) }
        case let s as String:
            leaves.append(FrontMatterLeaf(path: path, value: s))
        default:
            break
        }
    }

    /// Nested mappings flattened into dotted keys; lists joined.
    static func flatten(_ map: [String: Any], prefix: String, into out: inout [String: String]) {
        for (key, value) in map {
            let name = prefix.isEmpty ? key : prefix + "." + key
            switch value {
            case let nested as [String: Any]: flatten(nested, prefix: name, into: &out)
            case let list as [Any]: out[name] = list.map(scalarString).joined(separator: ", ")
            default: out[name] = scalarString(value)
            }
        }
    }

    static func scalarString(_ value: Any) -> String {
        if let date = value as? Date { return dateString(date) }
        return "\(value)"
    }

    static func dateString(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return f.string(from: date)
    }
}
