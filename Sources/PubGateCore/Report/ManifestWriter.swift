import Foundation

/// Writes `manifest.json` one document at a time, byte for byte what `JSONEncoder` with sorted
/// keys and pretty printing would make of the whole ``Manifest``, without holding every review
/// or the whole JSON in memory.
///
/// Top-level keys (``Manifest/Key``, their one declaration) come in sorted order; each value is
/// encoded on its own and indented to its depth (JSONEncoder leaves the blank line inside an empty
/// array or object unindented).
enum ManifestWriter {
    static func write(_ manifest: Manifest, to path: String) throws {
        func member(_ key: Manifest.Key, _ value: some Encodable) throws -> String {
            "  \"\(key.rawValue)\" : " + String(decoding: try json(value, level: 1, indentFirstLine: false), as: UTF8.self)
        }
        let keys = Manifest.Key.allCases.sorted { $0.rawValue < $1.rawValue }
        try AtomicWriter.stream(to: path) { sink in
            try sink.write("{\n")
            for (n, key) in keys.enumerated() {
                let separator = n + 1 < keys.count ? ",\n" : "\n"
                switch key {
                case .documents:
                    try sink.write("  \"documents\" : [\n")
                    if manifest.documents.isEmpty { try sink.write("\n") }
                    for i in manifest.documents.indices {
                        try sink.write(manifest.documents.entry(at: i))
                        try sink.write(i + 1 < manifest.documents.count ? ",\n" : "\n")
                    }
                    try sink.write("  ]" + separator)
                case .asOf: try sink.write(try member(key, manifest.asOf) + separator)
                case .batchFindings: try sink.write(try member(key, manifest.batchFindings) + separator)
                case .excluded: try sink.write(try member(key, manifest.excluded) + separator)
                case .rulesLoaded: try sink.write(try member(key, manifest.rulesLoaded) + separator)
                case .schema: try sink.write(try member(key, manifest.schema) + separator)
                case .settings: try sink.write(try member(key, manifest.settings) + separator)
                case .showMatches: try sink.write(try member(key, manifest.showMatches) + separator)
                case .staleSuppressions: try sink.write(try member(key, manifest.staleSuppressions) + separator)
                case .summary: try sink.write(try member(key, manifest.summary) + separator)
                case .tool: try sink.write(try member(key, manifest.tool) + separator)
                case .version: try sink.write(try member(key, manifest.version) + separator)
                }
            }
            try sink.write("}\n")
        }
    }

    /// One document's entry in the `documents` array, indented for it (the ``ReviewStore`` keeps
    /// reviews in this form).
    static func entry(_ review: DocumentReview) -> [UInt8] {
        do {
            return try json(review, level: 2, indentFirstLine: true)
        } catch {
            preconditionFailure("a review does not encode: \(error)")
        }
    }

    /// `value` as JSON nested `level` deep: by ``PrettyJSONEncoder``, or by Foundation's encoder
    /// (then indented) for what it leaves to Foundation.
    private static func json(_ value: some Encodable, level: Int, indentFirstLine: Bool) throws -> [UInt8] {
        if let bytes = try? PrettyJSONEncoder.encode(value, level: level, indentFirstLine: indentFirstLine) { return bytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return indented(try encoder.encode(value), by: String(repeating: "  ", count: level), first: indentFirstLine)
    }

    /// `json` with every non-empty line (but the first, unless `first`) prefixed by `indent`.
    private static func indented(_ json: Data, by indent: String, first: Bool) -> [UInt8] {
        let pad = Array(indent.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 4)
        var atLineStart = first
        for byte in json {
            if atLineStart && byte != 0x0A { out.append(contentsOf: pad) }
            out.append(byte)
            atLineStart = byte == 0x0A
        }
        return out
    }
}
