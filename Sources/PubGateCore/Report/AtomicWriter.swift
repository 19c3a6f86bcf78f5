import Foundation
import POSIXKit

#if canImport(Glibc)
    import Glibc
#endif

/// Writes output files atomically: a reader sees the old file or the whole new one, never a part.
/// A failure is a ``WriteError`` naming the file and the reason in plain words.
///
/// The bytes go to a temporary file beside the target (named with ``temporaryMarker``, so that
/// ``OutputSet`` can recognise and remove one a killed run left; Foundation's atomic write left
/// `.dat.nosync…` files nobody removed), are synced, then renamed over the target.
public enum AtomicWriter {
    /// Part of every temporary file's name.
    static let temporaryMarker = ".pubgate-tmp-"

    public static func write(_ data: Data, to path: String) throws(WriteError) {
        do {
            try stream(to: path) { try $0.write(data) }
        } catch let error as WriteError {
            throw error
        } catch {
            throw WriteError(path: path, error: error)
        }
    }

    /// Deterministic JSON: sorted keys, pretty-printed, slashes unescaped, trailing newline.
    public static func writeJSON<T: Encodable>(_ value: T, to path: String) throws {
        try write(try encodeJSON(value), to: path)
    }

    /// Writes a file piece by piece through `body`, then puts it in place with one rename: for
    /// outputs too large to build in memory first (the manifest of a large batch).
    static func stream(to path: String, _ body: (StreamSink) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, error: error)
        }
        let temporary = dir.appendingPathComponent(".\(url.lastPathComponent)\(temporaryMarker)\(UUID().uuidString.lowercased())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw WriteError(
                path: path, reason: FileManager.default.isWritableFile(atPath: dir.path) ? "cannot create a file in \(dir.path)" : "permission denied"
            )
        }
        do {
            let sink = StreamSink(handle: try FileHandle(forWritingTo: temporary))
            try body(sink)
            try sink.close()
            let failure = POSIXFiles.move(temporary.path, to: path)
            guard failure == 0 else {
                throw WriteError(path: path, reason: failure == EISDIR ? "it is a folder" : "cannot put the file in place")
            }
        } catch let error as WriteError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, error: error)
        }
    }

    static func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}

/// Buffered output of ``AtomicWriter/stream(to:_:)``.
final class StreamSink {
    private let handle: FileHandle
    private var buffer = Data()

    init(handle: FileHandle) {
        self.handle = handle
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func write(_ data: Data) throws {
        buffer.append(data)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
    }
}
