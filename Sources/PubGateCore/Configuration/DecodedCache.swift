import Crypto
import Foundation
import Yams

/// Decoded configuration kept on disk beside the compiled prefilter databases (``PrefilterCache``'s
/// folder), so a start-up reads it back instead of parsing YAML again: decoding the rule files and
/// the message catalogues with Yams was 310 M of the 600 M instructions of `check` on one page.
///
/// A cache file is named by its key, a SHA-256 of the cache format, the running executable (path,
/// size and modification time: another build may decode differently), what is cached and every
/// source file's name and bytes. Its first line repeats the key and holds the payload's SHA-256. A
/// file whose key or checksum does not match, or whose payload does not decode, is ignored and
/// written again from the sources (fail closed: a stale or damaged cache is never used); a folder
/// that cannot be written only costs the parse. Only what decoded without error is stored, and
/// the checks made after decoding (pattern compilation, duplicate ids) run on every load.
struct DecodedCache: Sendable {
    let directory: String

    /// The folder of ``PrefilterCache/standard``; nil without one. Read once: every configuration
    /// file asks, and the environment is copied into a dictionary on each reading.
    static let standard: DecodedCache? = PrefilterCache.standard.map { DecodedCache(directory: $0.directory) }

    /// Bumped when the layout of a cache file changes.
    static let format = "pubgate-decoded 2"

    /// A source file's name and contents.
    struct Source {
        let name: String
        let bytes: Data
    }

    /// The value `decode` makes of `sources`: read back when the cache holds it for exactly these
    /// sources and this executable, else decoded and stored (``CompactEncoder``'s bytes: reading
    /// them back with JSONDecoder was most of start-up). `kind` names what is cached (one kind per
    /// type).
    func value<T: Codable, E: Error>(_ kind: String, of sources: [Source], decode: () throws(E) -> T) throws(E) -> T {
        try stored(
            kind, of: sources, suffix: ".bin", encode: { (try? CompactEncoder.encode($0)).map { Data($0) } },
            decode: { try? CompactDecoder.decode(T.self, from: Array($0)) }, make: decode)
    }

    /// The YAML tree `compose` makes of `source` (a configuration file), read back from the cache
    /// when it holds the tree for exactly these bytes and this executable (``YAMLNodeArchive``),
    /// else composed and stored. Whatever the caller checks on the tree it checks either way.
    func node<E: Error>(of source: Source, compose: () throws(E) -> Node?) throws(E) -> Node? {
        try stored(
            "yaml", of: [source], suffix: ".bin",
            encode: { (node: Node?) -> Data? in
                // An empty file is stored as such; a tree the archive refuses is not stored at all.
                guard let node else { return Data([0]) }
                return YAMLNodeArchive.encode(node).map { Data([1] + $0) }
            },
            decode: { payload -> Node?? in
                guard let kind = payload.first else { return nil }
                if kind == 0 { return payload.count == 1 ? .some(nil) : nil }
                guard kind == 1, let node = YAMLNodeArchive.decode(Array(payload.dropFirst())) else { return nil }
                return .some(node)
            }, make: compose)
    }

    /// `make()`, or what the cache file for `kind` and `sources` holds when its key and checksum
    /// match and `decode` reads its payload; a value `make` returns is stored when `encode` gives
    /// bytes for it. An error is never stored.
    private func stored<T, E: Error>(
        _ kind: String, of sources: [Source], suffix: String, encode: (T) -> Data?, decode: (Data) -> T?, make: () throws(E) -> T
    ) throws(E) -> T {
        guard let executable = Self.executable else { return try make() }
        let key = Self.key(kind, executable: executable, sources: sources)
        let path = directory + "/decoded-" + kind + "-" + key + suffix
        if let payload = Self.payload(from: path, key: key), let cached = decode(payload) { return cached }
        let value = try make()
        if let payload = encode(value) {
            try? AtomicWriter.write(Self.header(key: key, payload: payload) + payload, to: path)
        }
        return value
    }

    /// The payload of the cache file `path`, or nil unless its first line names `key` and the
    /// payload's checksum.
    static func payload(from path: String, key: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: path), let newline = data.firstIndex(of: 0x0A) else { return nil }
        let payload = data[(newline + 1)...]
        guard data[..<newline].elementsEqual(header(key: key, payload: payload).dropLast()) else { return nil }
        return Data(payload)
    }

    /// The first line of a cache file: format, key and the payload's SHA-256.
    static func header(key: String, payload: Data) -> Data {
        Data("\(format) \(key) \(Hex.encode(SHA256.hash(data: payload)))\n".utf8)
    }

    static func key(_ kind: String, executable: String, sources: [Source]) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(format)\n\(kind)\n\(executable)\n".utf8))
        for source in sources {
            hasher.update(data: Data("\(source.name)\t\(source.bytes.count)\n".utf8))
            hasher.update(data: source.bytes)
        }
        return Hex.encode(hasher.finalize())
    }

    /// The running executable as path, size and modification time; nil when it cannot be found
    /// (then nothing is cached: the sources alone would not tell two builds apart).
    static let executable: String? = {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        else { return nil }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(path) \(size) \(modified)"
    }()
}
