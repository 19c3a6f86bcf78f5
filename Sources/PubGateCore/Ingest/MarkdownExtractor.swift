import EncodingKit
import Foundation
import Yams

/// Markdown with optional YAML (`---`) or TOML (`+++`) front matter.
///
/// The whole file is scanned (front matter values such as `title` are served too); front matter
/// keys become metadata. Malformed YAML is a `format` finding, never a crash.
public struct MarkdownExtractor: TextExtractor {
    public init() {}

    public func extract(_ text: DecodedText) -> TextExtraction {
        let scalars = text.scalars
        guard let block = FrontMatterBlock.locate(in: scalars) else {
            let body = TextSegment(part: .body, decoded: scalars, range: 0..<scalars.count)
            return TextExtraction(segments: [body], metadata: MetadataReader.read([body]))
        }
        var extraction = TextExtraction()
        let front = TextSegment(part: .frontMatter, decoded: scalars, range: block.range)
        let body = TextSegment(part: .body, decoded: scalars, range: block.range.upperBound..<scalars.count)
        extraction.segments = [front, body]
        var fields = MetadataReader.read([body])
        if let problem = block.merge(into: &fields) { extraction.findings.append(problem) }
        extraction.metadata = fields
        return extraction
    }
}

/// The front matter block at the top of a Markdown file (or of a Hugo HTML content file).
struct FrontMatterBlock {
    enum Syntax: String { case yaml = "YAML", toml = "TOML" }
    let syntax: Syntax
    /// Scalar range of the whole block including fences.
    let range: Range<Int>
    let content: String

    static func locate(in scalars: [Unicode.Scalar]) -> FrontMatterBlock? {
        let fence: [Unicode.Scalar]
        let syntax: Syntax
        if scalars.starts(with: Array("---".unicodeScalars)) {
            (fence, syntax) = (Array("---".unicodeScalars), .yaml)
        } else if scalars.starts(with: Array("+++".unicodeScalars)) {
            (fence, syntax) = (Array("+++".unicodeScalars), .toml)
        } else {
            return nil
        }
        var lineStart = 0
        var i = 0
        var first = true
        while i <= scalars.count {
            if i == scalars.count || scalars[i] == "\n" {
                var line = Array(scalars[lineStart..<i])
                if line.last == "\r" { line.removeLast() }
                if first {
                    guard line == fence else { return nil }
                    first = false
                } else if line == fence || (syntax == .yaml && line == Array("...".unicodeScalars)) {
                    let content = UTF8Bytes.string(scalars[(fence.count + 1)..<min(lineStart, scalars.count)])
                    let end = min(i + 1, scalars.count)
                    return FrontMatterBlock(syntax: syntax, range: 0..<end, content: content)
                }
                lineStart = i + 1
            }
            i += 1
        }
        return nil
    }

    /// Adds the block's fields to `fields` where a key is not set yet; a malformed block is a
    /// `format` finding (fix), never a crash.
    func merge(into fields: inout [String: String]) -> Finding? {
        do {
            for (key, value) in try self.fields() where fields[key] == nil { fields[key] = value }
            return nil
        } catch {
            return Finding(
                ruleID: "front_matter_malformed", kind: .format, severity: .fix,
                text: Message("front_matter_malformed", ["syntax": syntax.rawValue, "reason": error.summary]), part: .frontMatter)
        }
    }

    /// Top-level scalar fields as strings; nested values are flattened as `parent.child`.
    func fields() throws -> [String: String] {
        switch syntax {
        case .yaml:
            // UTF-8 named: the default encoding is worked out from the environment on every call.
            guard let node = try Yams.compose(yaml: content, .default, .default, .utf8) else { return [:] }
            if node.expands() {
                throw FrontMatterError(summary: "the block expands to more than \(Node.maxExpandedValues) values through YAML aliases")
            }
            guard let map = Constructor.default.any(from: node) as? [String: Any] else {
                throw FrontMatterError(summary: "the block is not a mapping of keys to values")
            }
            var out: [String: String] = [:]
            flatten(map, prefix: "", into: &out)
            return out
        case .toml:
            return try TOMLFields.parse(content)
        }
    }

    private func flatten(_ map: [String: Any], prefix: String, into out: inout [String: String]) {
        for (key, value) in map {
            let name = prefix.isEmpty ? key : prefix + "." + key
            switch value {
            case let nested as [String: Any]: flatten(nested, prefix: name, into: &out)
            case let list as [Any]: out[name] = list.map { "\($0)" }.joined(separator: ", ")
            default: out[name] = FrontMatterBlock.string(value)
            }
        }
    }

    static func string(_ value: Any) -> String {
        if let date = value as? Date {
            let f = ISO8601DateFormatter()
            f.formatOptions = [.withFullDate]
            f.timeZone = TimeZone(identifier: "Asia/Shanghai")
            return f.string(from: date)
        }
        return "\(value)"
    }
}

/// The subset of TOML front matter that Hugo sites use: `key = value` lines and `[table]` headers.
enum TOMLFields {
    static func parse(_ content: String) throws -> [String: String] {
        var out: [String: String] = [:]
        var table = ""
        for (n, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                table = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw FrontMatterError(summary: "expected key = value at line \(n + 1)")
            }
            var key = line[..<eq].trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("\""), key.hasSuffix("\""), key.count >= 2 { key = String(key.dropFirst().dropLast()) }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            out[table.isEmpty ? key : table + "." + key] = value
        }
        return out
    }
}
