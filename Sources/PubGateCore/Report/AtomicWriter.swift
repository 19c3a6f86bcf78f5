import Foundation

/// Writes output files atomically: a reader sees the old file or the whole new one, never a part.
public enum AtomicWriter {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    /// Deterministic JSON: sorted keys, pretty-printed, slashes unescaped, trailing newline.
    public static func writeJSON<T: Encodable>(_ value: T, to path: String) throws {
        try write(encodeJSON(value), to: path)
    }

    public static func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
