internal import CPCRE2
import Synchronization

/// A compiled, JIT-compiled PCRE2 pattern that many threads may match at once.
///
/// Thread safety: pcre2api(3) MULTITHREADING says a compiled pattern "does not change when the
/// pattern is matched" and may be used by several threads simultaneously; JIT compilation writes
/// into the code block, so it is done under a lock before the first match, which waits for it (a
/// pattern never matched, as most rules are on a small page, is never JIT-compiled: compiling all
/// of them took a tenth of `check`'s start-up). The match context holds only limits and is never
/// changed after `init`. Match data is created per call.
@safe public final class PCRE2Regex: @unchecked Sendable {
    /// Options accepted by ``PCRE2Regex/init(_:options:limits:)``.
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// `^` and `$` match at line starts and ends.
        public static let multiline = Options(rawValue: UInt32(PCRE2_MULTILINE))
        public static let caseless = Options(rawValue: PCRE2_CASELESS)
        /// `.` also matches a newline.
        public static let dotAll = Options(rawValue: PCRE2_DOTALL)
        /// Unicode properties for `\d`, `\w`, `\b`. Off by default: detectors need ASCII `\d`.
        public static let ucp = Options(rawValue: PCRE2_UCP)
        public static let extended = Options(rawValue: PCRE2_EXTENDED)
        /// Allows ``PCRE2Regex/forEachMatch(in:startingWithin:_:)`` to bound where a match may start.
        public static let offsetLimit = Options(rawValue: PCRE2_USE_OFFSET_LIMIT)
    }

    /// Resource limits that bound a runaway match (catastrophic backtracking).
    public struct Limits: Sendable, Equatable {
        public var matchLimit: UInt32
        public var depthLimit: UInt32
        public init(matchLimit: UInt32 = 5_000_000, depthLimit: UInt32 = 100_000) {
            self.matchLimit = matchLimit
            self.depthLimit = depthLimit
        }
    }

    /// The pattern source as given.
    public let pattern: String
    /// Number of capture groups in the pattern.
    public let captureCount: Int
    /// Whether JIT compilation succeeded (the interpreter is used otherwise); compiles it if no
    /// match did yet.
    public var isJITCompiled: Bool { jitCompiled() }

    /// 0 until JIT compilation was tried, then 1 when it succeeded, 2 when it failed.
    private let jitState = Atomic<UInt8>(0)
    /// Held while JIT compilation runs, so that no match and no other compilation overlaps it.
    private let jitLock = Mutex<Void>(())

    private nonisolated(unsafe) let code: OpaquePointer
    private nonisolated(unsafe) let matchContext: OpaquePointer?

    /// Compiles `pattern` in UTF mode.
    /// - Throws: ``PCRE2Error`` with the byte offset of the error in `pattern`.
    public init(_ pattern: String, options: Options = [], limits: Limits = Limits()) throws(PCRE2Error) {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let flags = options.rawValue | PCRE2_UTF
        let compiled: OpaquePointer? = unsafe pattern.utf8CString.withUnsafeBufferPointer { buf in
            unsafe buf.withMemoryRebound(to: UInt8.self) { bytes in
                unsafe pcre2_compile_8(
                    bytes.baseAddress, bytes.count - 1, flags, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled = unsafe compiled else { throw PCRE2Error(code: errorCode, offset: errorOffset) }
        unsafe self.code = compiled
        var groups: UInt32 = 0
        _ = unsafe pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &groups)
        self.captureCount = Int(groups)
        let context = unsafe pcre2_match_context_create_8(nil)
        if let context = unsafe context {
            unsafe pcre2_set_match_limit_8(context, limits.matchLimit)
            unsafe pcre2_set_depth_limit_8(context, limits.depthLimit)
        }
        unsafe self.matchContext = context
    }

    /// JIT-compiles the pattern unless that was tried already; whether it succeeded.
    private func jitCompiled() -> Bool {
        var state = jitState.load(ordering: .acquiring)
        if state == 0 {
            state = jitLock.withLock { _ in
                if jitState.load(ordering: .acquiring) == 0 {
                    let compiled = unsafe pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0
                    jitState.store(compiled ? 1 : 2, ordering: .releasing)
                }
                return jitState.load(ordering: .acquiring)
            }
        }
        return state == 1
    }

    deinit {
        unsafe pcre2_match_context_free_8(matchContext)
        unsafe pcre2_code_free_8(code)
    }

    /// The number of the capture group called `name` (`(?<name>…)`), nil when the pattern has none
    /// of that name (or several: PCRE2 then reports the name as not unique).
    public func groupNumber(named name: String) -> Int? {
        let number = unsafe name.utf8CString.withUnsafeBufferPointer { buf in
            unsafe buf.withMemoryRebound(to: UInt8.self) { bytes in
                unsafe pcre2_substring_number_from_name_8(code, bytes.baseAddress)
            }
        }
        return number > 0 ? Int(number) : nil
    }

    /// Returns the byte range of every match (or of capture `group`) in `subject`, in order.
    ///
    /// Ranges are UTF-8 byte offsets into `subject`. An empty match advances by one scalar.
    /// - Throws: ``PCRE2Error`` when a limit is hit or the subject is not valid UTF-8.
    public func matches(in subject: [UInt8], group: Int = 0, from start: Int = 0, to end: Int? = nil, validUTF8: Bool = false)
        throws(PCRE2Error) -> [Range<Int>]
    {
        var results: [Range<Int>] = []
        try forEachMatch(in: subject, from: start, to: end, validUTF8: validUTF8) { ranges in
            if group < ranges.count, let r = ranges[group] { results.append(r) }
            return true
        }
        return results
    }

    /// The groups of the first match in `subject`, nil when there is none.
    public func firstMatch(in subject: [UInt8], validUTF8: Bool = false) throws(PCRE2Error) -> [Range<Int>?]? {
        var found: [Range<Int>?]?
        try forEachMatch(in: subject, from: 0, to: nil, validUTF8: validUTF8) { ranges in
            found = ranges
            return false
        }
        return found
    }

    /// The groups of the first match in `subject` (a part of a larger array, matched where it lies:
    /// nothing is copied), nil when there is none. The slice is the whole subject: `^` matches at its
    /// start and lookbehind sees nothing before it, as if it were an array of its own. Ranges are
    /// indices of the slice (`subject[range]` is the match), not offsets from its start.
    public func firstMatch(in subject: ArraySlice<UInt8>, validUTF8: Bool = false) throws(PCRE2Error) -> [Range<Int>?]? {
        var found: [Range<Int>?]?
        try forEachMatch(in: subject, validUTF8: validUTF8) { ranges in
            found = ranges
            return false
        }
        return found
    }

    /// Calls `body` with the ranges of all groups of each match in `subject`, until `body` returns
    /// false; the slice is matched where it lies, as the whole subject, and ranges are indices of
    /// the slice (as the slice's `firstMatch(in:validUTF8:)`).
    public func forEachMatch(in subject: ArraySlice<UInt8>, validUTF8: Bool = false, _ body: ([Range<Int>?]) -> Bool) throws(PCRE2Error) {
        try unsafe subject.withUnsafeBufferPointer { buf throws(PCRE2Error) in
            try unsafe withSession(subject: buf, length: buf.count, shift: subject.startIndex, validUTF8: validUTF8, offsetLimits: false) {
                session throws(PCRE2Error) in
                _ = try session.run(from: 0, startLimit: nil, body)
            }
        }
    }

    /// Calls `body` with the ranges of all groups (index 0 is the whole match) for each match,
    /// until `body` returns false. Offsets are UTF-8 byte offsets into `subject`.
    /// - Parameter validUTF8: the caller guarantees `subject` is valid UTF-8 (built from Swift
    ///   scalars), so PCRE2 skips validating it on every call.
    public func forEachMatch(
        in subject: [UInt8], from start: Int = 0, to end: Int? = nil, validUTF8: Bool = false,
        _ body: ([Range<Int>?]) -> Bool
    ) throws(PCRE2Error) {
        let limit = min(end ?? subject.count, subject.count)
        guard start <= limit else { return }
        try withSession(subject: subject, length: limit, validUTF8: validUTF8, offsetLimits: false) { session throws(PCRE2Error) in
            _ = try session.run(from: start, startLimit: nil, body)
        }
    }

    /// Like ``forEachMatch(in:from:to:validUTF8:_:)``, but only matches that start inside one of
    /// `windows` (sorted, non-overlapping ranges of start offsets) are searched for, each window
    /// from where the previous match ended. Matches are the ones a scan of the whole subject finds
    /// when every match of the whole scan starts inside a window: the subject is not cut, so
    /// lookbehind and lookahead still see the text around a window. Needs ``Options/offsetLimit``.
    public func forEachMatch(
        in subject: [UInt8], startingWithin windows: [ClosedRange<Int>], validUTF8: Bool = false,
        _ body: ([Range<Int>?]) -> Bool
    ) throws(PCRE2Error) {
        guard !windows.isEmpty else { return }
        try withSession(subject: subject, length: subject.count, validUTF8: validUTF8, offsetLimits: true) { session throws(PCRE2Error) in
            var resume = 0
            for window in windows where window.upperBound >= resume {
                let start = max(window.lowerBound, resume)
                guard start <= subject.count else { return }
                guard let next = try session.run(from: start, startLimit: min(window.upperBound, subject.count), body) else { return }
                resume = next
            }
        }
    }

    /// ``withSession(subject:length:shift:validUTF8:offsetLimits:_:)`` on an array's bytes.
    private func withSession(
        subject: [UInt8], length: Int, validUTF8: Bool, offsetLimits: Bool,
        _ work: (borrowing MatchSession) throws(PCRE2Error) -> Void
    ) throws(PCRE2Error) {
        try unsafe subject.withUnsafeBufferPointer { buf throws(PCRE2Error) in
            try unsafe withSession(subject: buf, length: length, shift: 0, validUTF8: validUTF8, offsetLimits: offsetLimits, work)
        }
    }

    /// Match data and (for windows) a private match context, made once per call and freed after.
    /// The session reports ranges `shift` bytes on from the buffer's offsets (a slice's indices).
    private func withSession(
        subject buf: UnsafeBufferPointer<UInt8>, length: Int, shift: Int, validUTF8: Bool, offsetLimits: Bool,
        _ work: (borrowing MatchSession) throws(PCRE2Error) -> Void
    ) throws(PCRE2Error) {
        _ = jitCompiled()
        guard let matchData = unsafe pcre2_match_data_create_from_pattern_8(code, nil) else {
            throw PCRE2Error(code: PCRE2_ERROR_NOMEMORY, offset: nil)
        }
        defer { unsafe pcre2_match_data_free_8(matchData) }
        var context = unsafe matchContext
        if offsetLimits {
            unsafe context = unsafe pcre2_match_context_copy_8(matchContext)
            guard unsafe context != nil else { throw PCRE2Error(code: PCRE2_ERROR_NOMEMORY, offset: nil) }
        }
        defer { if offsetLimits { unsafe pcre2_match_context_free_8(context) } }
        guard let base = unsafe buf.baseAddress ?? UnsafePointer(bitPattern: 1) else { return }
        let session = unsafe MatchSession(
            code: code, context: context, matchData: matchData, base: base, length: length, shift: shift, checkUTF: !validUTF8)
        try work(session)
    }
}

/// One matching pass over a subject: the C handles it needs, valid only inside ``PCRE2Regex``'s scope.
@safe private struct MatchSession: ~Copyable {
    nonisolated(unsafe) let code: OpaquePointer
    nonisolated(unsafe) let context: OpaquePointer?
    nonisolated(unsafe) let matchData: OpaquePointer
    nonisolated(unsafe) let base: UnsafePointer<UInt8>
    let length: Int
    /// Added to every reported offset (the subject's first index when it is a slice).
    let shift: Int
    let checkUTF: Bool

    /// Matches from `start` (with starts bounded by `startLimit` when given) until no match, the
    /// limit, or `body` says stop. Returns where the next search would resume, nil after a stop.
    func run(from start: Int, startLimit: Int?, _ body: ([Range<Int>?]) -> Bool) throws(PCRE2Error) -> Int? {
        if let startLimit { unsafe pcre2_set_offset_limit_8(context, startLimit) }
        let unset = cpcre2_unset()
        var offset = start
        var checkUTF = self.checkUTF
        while offset <= min(length, startLimit ?? length) {
            let options: UInt32 = checkUTF ? 0 : PCRE2_NO_UTF_CHECK
            let rc = unsafe pcre2_match_8(code, base, length, offset, options, matchData, context)
            checkUTF = false
            if rc == PCRE2_ERROR_NOMATCH { return offset }
            if rc < 0 { throw PCRE2Error(code: rc, offset: nil) }
            let ovector = unsafe pcre2_get_ovector_pointer_8(matchData)
            let pairs = Int(unsafe pcre2_get_ovector_count_8(matchData))
            var ranges: [Range<Int>?] = []
            ranges.reserveCapacity(pairs)
            for i in 0..<pairs {
                let lo = unsafe ovector![2 * i]
                let hi = unsafe ovector![2 * i + 1]
                ranges.append(lo == unset || hi == unset || lo > hi ? nil : (Int(lo) + shift)..<(Int(hi) + shift))
            }
            guard body(ranges), let whole = ranges[0] else { return nil }
            let end = whole.upperBound - shift
            if whole.isEmpty {
                // Advance past one whole UTF-8 scalar so an empty match cannot loop forever.
                var next = end + 1
                while next < length && (unsafe base[next] & 0xC0) == 0x80 { next += 1 }
                offset = next
            } else {
                offset = end
            }
        }
        return offset
    }
}
