internal import CVectorscan
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Many patterns compiled into one Vectorscan block-mode database, scanned in a single pass.
///
/// pubgate uses it as a prefilter: patterns are compiled in `HS_FLAG_PREFILTER` mode, where
/// constructs Vectorscan cannot run exactly (lookaround, back-references) are approximated by a
/// superset, so every real match of a pattern is reported (by its end offset) and PCRE2 confirms
/// the exact span afterwards. The database is immutable once built and shared by every thread;
/// scratch space is per scan and comes from a pool, since one scratch must never be used by two
/// threads at once (hs_runtime.h).
@safe public final class PatternDatabase: @unchecked Sendable {
    /// Compile flags for one pattern.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseless = Flags(rawValue: UInt32(HS_FLAG_CASELESS))
        public static let dotAll = Flags(rawValue: UInt32(HS_FLAG_DOTALL))
        public static let multiline = Flags(rawValue: UInt32(HS_FLAG_MULTILINE))
        /// Patterns and data are UTF-8.
        public static let utf8 = Flags(rawValue: UInt32(HS_FLAG_UTF8))
        /// Superset matching for constructs Vectorscan cannot run exactly.
        public static let prefilter = Flags(rawValue: UInt32(HS_FLAG_PREFILTER))
        /// Report only the first match of the pattern (presence tests such as keywords).
        public static let singleMatch = Flags(rawValue: UInt32(HS_FLAG_SINGLEMATCH))
    }

    /// One pattern to compile, with the id its matches are reported under.
    public struct Pattern: Sendable {
        public let id: UInt32
        public let expression: String
        public let flags: Flags
        public init(id: UInt32, expression: String, flags: Flags) {
            self.id = id
            self.expression = expression
            self.flags = flags
        }
    }

    /// The byte widths a pattern's matches can have; `maxWidth` is nil when unbounded.
    public struct Widths: Sendable, Equatable {
        public let minWidth: Int
        public let maxWidth: Int?
        public init(minWidth: Int, maxWidth: Int?) {
            self.minWidth = minWidth
            self.maxWidth = maxWidth
        }
    }

    /// A match: the pattern id and the byte offset just past the match's end.
    public struct Hit: Sendable, Equatable {
        public let id: UInt32
        public let end: Int
        public init(id: UInt32, end: Int) {
            self.id = id
            self.end = end
        }
    }

    private nonisolated(unsafe) let database: OpaquePointer
    private nonisolated(unsafe) let prototype: OpaquePointer
    private let pool = Mutex<[ScratchSpace]>([])

    /// Parses one pattern without building a database: its match widths, or why it cannot compile.
    public static func widths(of expression: String, flags: Flags) throws(VectorscanError) -> Widths {
        var info: UnsafeMutablePointer<hs_expr_info_t>?
        var error: UnsafeMutablePointer<hs_compile_error_t>?
        let rc = unsafe hs_expression_info(expression, flags.rawValue, &info, &error)
        guard rc == HS_SUCCESS, let info = unsafe info else { throw unsafe VectorscanError(compileError: error, code: rc) }
        defer { unsafe free(info) }
        let maxWidth = unsafe info.pointee.max_width
        return unsafe Widths(minWidth: Int(info.pointee.min_width), maxWidth: maxWidth == UInt32.max ? nil : Int(maxWidth))
    }

    /// Compiles every pattern into one database.
    /// - Throws: ``VectorscanError`` whose `expression` names the index of the pattern that failed.
    public convenience init(_ patterns: [Pattern]) throws(VectorscanError) {
        var compiled: OpaquePointer?
        var error: UnsafeMutablePointer<hs_compile_error_t>?
        let expressions: [UnsafeMutablePointer<CChar>?] = unsafe patterns.map { unsafe strdup($0.expression) }
        // By index: swift-format 6.3 joins `for unsafe e` into one word.
        defer { for index in unsafe expressions.indices { unsafe free(expressions[index]) } }
        let constant: [UnsafePointer<CChar>?] = unsafe expressions.map { unsafe $0.map { unsafe UnsafePointer($0) } }
        let flags = patterns.map(\.flags.rawValue)
        let ids = patterns.map(\.id)
        let rc = unsafe constant.withUnsafeBufferPointer { exprs in
            unsafe flags.withUnsafeBufferPointer { fl in
                unsafe ids.withUnsafeBufferPointer { id in
                    unsafe hs_compile_multi(
                        exprs.baseAddress, fl.baseAddress, id.baseAddress, UInt32(patterns.count), UInt32(HS_MODE_BLOCK),
                        nil, &compiled, &error)
                }
            }
        }
        guard rc == HS_SUCCESS, let compiled = unsafe compiled else { throw unsafe VectorscanError(compileError: error, code: rc) }
        try unsafe self.init(taking: compiled)
    }

    /// Rebuilds a database from ``serialized()`` bytes (compiling takes a noticeable fraction of a
    /// second for a few dozen patterns; loading them takes about a millisecond).
    /// - Throws: when the bytes are damaged or come from another Vectorscan version or platform.
    public convenience init(serialized bytes: [UInt8]) throws(VectorscanError) {
        var loaded: OpaquePointer?
        let rc = unsafe bytes.withUnsafeBufferPointer { buf in
            unsafe buf.withMemoryRebound(to: CChar.self) { unsafe hs_deserialize_database($0.baseAddress, $0.count, &loaded) }
        }
        guard rc == HS_SUCCESS, let loaded = unsafe loaded else {
            throw VectorscanError(code: rc, message: "cannot load a serialized Vectorscan database (\(rc))")
        }
        try unsafe self.init(taking: loaded)
    }

    /// Owns `compiled` from here on, freeing it if no scratch space can be made for it.
    private init(taking compiled: OpaquePointer) throws(VectorscanError) {
        var scratch: OpaquePointer?
        let src = unsafe hs_alloc_scratch(compiled, &scratch)
        guard src == HS_SUCCESS, let scratch = unsafe scratch else {
            unsafe hs_free_database(compiled)
            throw VectorscanError(code: src, message: "cannot allocate Vectorscan scratch space")
        }
        unsafe self.database = compiled
        unsafe self.prototype = scratch
    }

    /// The database as bytes, for a cache; see ``init(serialized:)``.
    public func serialized() throws(VectorscanError) -> [UInt8] {
        var bytes: UnsafeMutablePointer<CChar>?
        var length = 0
        let rc = unsafe hs_serialize_database(database, &bytes, &length)
        guard rc == HS_SUCCESS, let bytes = unsafe bytes else {
            throw VectorscanError(code: rc, message: "cannot serialize the Vectorscan database (\(rc))")
        }
        defer { unsafe free(bytes) }
        return unsafe UnsafeRawBufferPointer(start: bytes, count: length).map { $0 }
    }

    /// The library's version string, part of any cache key for serialized databases.
    public static var version: String { unsafe String(cString: hs_version()) }

    deinit {
        pool.withLock { $0.removeAll() }
        unsafe hs_free_scratch(prototype)
        unsafe hs_free_database(database)
    }

    /// Every match end of every pattern in `data`, in the order Vectorscan reports them (by end offset).
    public func scan(_ data: [UInt8]) throws(VectorscanError) -> [Hit] {
        let scratch = try takeScratch()
        defer { pool.withLock { $0.append(scratch) } }
        let collector = HitCollector()
        guard !data.isEmpty else { return [] }
        let rc = unsafe data.withUnsafeBufferPointer { buf in
            unsafe buf.withMemoryRebound(to: CChar.self) { chars in
                unsafe hs_scan(
                    database, chars.baseAddress, UInt32(chars.count), 0, scratch.pointer, collectHit,
                    Unmanaged.passUnretained(collector).toOpaque())
            }
        }
        guard rc == HS_SUCCESS else { throw VectorscanError(code: rc, message: "Vectorscan scan failed (\(rc))") }
        return collector.hits
    }

    private func takeScratch() throws(VectorscanError) -> ScratchSpace {
        if let reused = pool.withLock({ $0.popLast() }) { return reused }
        var clone: OpaquePointer?
        let rc = unsafe hs_clone_scratch(prototype, &clone)
        guard rc == HS_SUCCESS, let clone = unsafe clone else {
            throw VectorscanError(code: rc, message: "cannot allocate Vectorscan scratch space")
        }
        return unsafe ScratchSpace(pointer: clone)
    }
}

/// One thread's Vectorscan scratch, freed when the pool lets it go.
@safe private final class ScratchSpace: @unchecked Sendable {
    nonisolated(unsafe) let pointer: OpaquePointer
    init(pointer: OpaquePointer) { unsafe self.pointer = pointer }
    deinit { unsafe hs_free_scratch(pointer) }
}

/// Where the C callback appends; lives for one scan on one thread.
private final class HitCollector {
    var hits: [PatternDatabase.Hit] = []
}

private func collectHit(
    id: UInt32, from: UInt64, to: UInt64, flags: UInt32, context: UnsafeMutableRawPointer?
) -> Int32 {
    guard let context = unsafe context else { return 0 }
    let collector = unsafe Unmanaged<HitCollector>.fromOpaque(context).takeUnretainedValue()
    collector.hits.append(PatternDatabase.Hit(id: id, end: Int(to)))
    return 0
}
