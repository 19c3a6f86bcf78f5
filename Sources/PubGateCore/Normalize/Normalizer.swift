import EncodingKit
import Foundation

/// Builds the matching copy of a document (docs/domain.md §1.3, detectors.md §0.4).
///
/// - NFKC per character: full-width digits and letters become ASCII, U+3000 a space.
/// - Format characters (zero-width space, joiners, BOM, soft hyphen) are removed, so a number with
///   a U+200B inside is one run.
/// - `\r` is dropped, so `$` works the same for CRLF files.
/// - Spaces between two Han characters are removed (`签 发 人`, `机　密`).
/// - Traditional and variant characters are folded to simplified ones after NFKC
///   (``TraditionalFolding``: 機密 is matched as 机密), each keeping its origin.
/// - Segments are joined; a block boundary becomes `\n`, inline boundaries (spans) nothing.
struct Normalizer: Sendable {
    /// Nil only when OpenCC's data is missing, which a review refuses to start with
    /// (``ReviewConfiguration/load(rulesPath:site:fallbackFolder:)``).
    let folding: TraditionalFolding?

    init() {
        folding = try? TraditionalFolding.shared.get()
    }

    /// The normalized UTF-8 of a bare string (rule keywords), without a trailing line break.
    func normalize(_ string: String) -> [UInt8] {
        let utf8 = Array(string.utf8)
        let segment = TextSegment(part: .body, decoded: utf8, range: 0..<utf8.count)
        var bytes = normalize([segment]).utf8
        if bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }

    /// The normalized form of a short string (a title, a field value), for comparisons.
    static func normalized(_ string: String) -> String {
        String(decoding: Normalizer().normalize(string), as: UTF8.self)
    }

    func normalize(_ segments: [TextSegment]) -> NormalizedText {
        // Room for the text and a line break per segment: the builder grows if normalization makes
        // the text longer.
        let byteCount = segments.reduce(0) { $0 + $1.utf8.count }
        var out = Builder(capacity: byteCount + segments.count + 64)
        // Scalars outside the fast ranges (punctuation such as “ ” …, Latin letters) go through
        // Foundation's NFKC; each distinct one once per document.
        var slow: [UInt32: Mapping] = [:]
        var parts: [(range: Range<Int>, part: ContentPart)] = []
        var places: [(range: Range<Int>, place: String)] = []
        var columns: [(range: Range<Int>, place: String)] = []
        let foldBits = folding?.basic ?? []
        for segment in segments {
            let start = out.count
            Self.normalize(segment, into: &out, slow: &slow, folding: folding, foldBits: foldBits.span)
            out.flushSpaces()
            if out.foldable, let folding { out.fold(from: start, folding) }
            if segment.endsBlock && out.last != "\n" {
                out.append("\n", origin: out.lastOrigin ?? 0, verbatim: false)
            }
            if out.count > start {
                parts.append((start..<out.count, segment.part))
                if let place = segment.place { places.append((start..<out.count, place)) }
                if let column = segment.column { columns.append((start..<out.count, column)) }
            }
        }
        return NormalizedText(utf8: out.utf8, origins: out.origins, parts: parts, places: places, columns: columns)
    }

    /// One segment into `out`, run by run of its origins: what normalization keeps as it is is
    /// copied a stretch at a time (``Builder/copyKept(_:from:to:origin:foldBits:)``); only the
    /// other characters are looked at one by one.
    private static func normalize(
        _ segment: TextSegment, into out: inout Builder, slow: inout [UInt32: Mapping], folding: TraditionalFolding?,
        foldBits: Span<UInt64>
    ) {
        precondition(!segment.countsScalars, "a reader's segment is remapped to byte offsets first")
        let bytes = segment.utf8
        let utf8 = bytes.span
        let runStarts = segment.runStarts
        let runOrigins = segment.runOrigins
        for r in runStarts.indices {
            let runStart = Int(runStarts[r])
            let runEnd = r + 1 < runStarts.count ? Int(runStarts[r + 1]) : utf8.count
            let base = Int(runOrigins[r]) - runStart
            var i = runStart
            while i < runEnd {
                i = out.copyKept(bytes, from: i, to: runEnd, origin: base + i, foldBits: foldBits)
                guard i < runEnd else { break }
                let (v, width) = UTF8Bytes.scalar(at: i, in: utf8)
                let origin = Int32(base + i)
                i += width
                guard let s = Unicode.Scalar(v) else { continue }
                // Most other scalars map directly too: no Mapping value, whose array payload costs
                // reference counting, is made for them.
                if let direct = Normalizer.directMapping(v) {
                    out.emit(Unicode.Scalar(direct)!, origin: origin, verbatim: direct == v)
                    if direct >= 0x3400, let folding, folding.changes(direct) { out.foldable = true }
                    continue
                }
                let mapping: Mapping
                if let fast = Normalizer.fastMapping(of: s) {
                    mapping = fast
                } else if let known = slow[v] {
                    mapping = known
                } else {
                    mapping = Normalizer.mapping(of: s)
                    slow[v] = mapping
                }
                switch mapping {
                case .keep: out.emit(s, origin: origin, verbatim: true)
                case .drop: break
                case .replace(let n): out.emit(n, origin: origin, verbatim: false)
                case .expand(let list): for n in list { out.emit(n, origin: origin, verbatim: false) }
                }
                // NFKC's output is what is folded: a compatibility ideograph or a Kangxi radical (⾨)
                // becomes a unified ideograph (門) that may be a traditional one.
                if let folding {
                    switch mapping {
                    case .keep: if folding.changes(v) { out.foldable = true }
                    case .replace(let n): if folding.changes(n.value) { out.foldable = true }
                    case .expand(let list): if list.contains(where: { folding.changes($0.value) }) { out.foldable = true }
                    case .drop: break
                    }
                }
            }
        }
    }

    /// The normalized bytes and their origins (``OriginMap``).
    private struct Builder {
        private(set) var utf8: [UInt8]
        var count: Int { utf8.count }
        private(set) var last: Unicode.Scalar?
        private(set) var origins = OriginMap()
        /// The origin that continues the current run (-2 after a character not copied as it is).
        private var nextOrigin: Int32 = -2
        /// Where the last character written came from.
        private(set) var lastOrigin: Int32?
        /// Spaces are held back until the next character shows whether they sit between two Han
        /// characters (then they go) or not (then they are written with their own origins).
        private var pendingSpaces: [(scalar: Unicode.Scalar, origin: Int32, verbatim: Bool)] = []
        /// Set when the current segment wrote a character ``TraditionalFolding`` changes.
        var foldable = false

        init(capacity: Int) {
            utf8 = []
            utf8.reserveCapacity(capacity)
        }

        /// Copies `source[from..<to]` (bytes of one origin run, byte `from` from `origin`) for as
        /// long as its characters normalize to themselves — ASCII but `\r`, spaces and tabs (held
        /// back), CJK ideographs and punctuation — and no spaces are held back; full-width ASCII is
        /// written as ASCII on the way. Returns where it stopped.
        mutating func copyKept(_ bytes: [UInt8], from: Int, to end: Int, origin: Int, foldBits: Span<UInt64>) -> Int {
            guard pendingSpaces.isEmpty else { return from }
            let source = bytes.span
            var copyFrom = from
            var i = from
            var lastValue: UInt32 = 0
            var foldable = false
            while i < end {
                let b0 = source[i]
                if b0 < 0x80 {
                    let ascii = UTF8Bytes.plainASCIIEnd(in: source, from: i, to: end)
                    guard ascii > i else { break }
                    lastValue = UInt32(source[ascii - 1])
                    i = ascii
                    continue
                }
                guard b0 & 0xF0 == 0xE0, i + 3 <= end else { break }
                // One load per Han character tells whether the segment needs folding.
                let cjk = UTF8Bytes.cjkRunEnd(in: source, from: i, to: end, marks: foldBits)
                if cjk.end > i {
                    if cjk.marked { foldable = true }
                    lastValue = cjk.last
                    i = cjk.end
                    continue
                }
                let v = UInt32(b0 & 0x0F) << 12 | UInt32(source[i + 1] & 0x3F) << 6 | UInt32(source[i + 2] & 0x3F)
                guard (0xFF01...0xFF5E).contains(v) else { break }
                // Full-width ASCII: what is kept so far, then the ASCII character, a run of its own.
                copy(bytes, copyFrom..<i, origin: origin + copyFrom - from)
                append(Unicode.Scalar(v - 0xFEE0)!, origin: Int32(origin + i - from), verbatim: false)
                lastValue = v - 0xFEE0
                i += 3
                copyFrom = i
            }
            copy(bytes, copyFrom..<i, origin: origin + copyFrom - from)
            if i > from { last = Unicode.Scalar(lastValue) }
            if foldable { self.foldable = true }
            return i
        }

        /// Appends `source[range]`, copied as it is from origin `origin` onwards.
        private mutating func copy(_ source: [UInt8], _ range: Range<Int>, origin: Int) {
            guard !range.isEmpty else { return }
            if Int32(origin) != nextOrigin { origins.startRun(atByte: utf8.count, origin: Int32(origin)) }
            utf8.append(contentsOf: source[range])
            nextOrigin = Int32(origin + range.count)
            // The last character's first byte.
            var b = range.upperBound - 1
            while b > range.lowerBound, source[b] & 0xC0 == 0x80 { b -= 1 }
            lastOrigin = Int32(origin + b - range.lowerBound)
        }

        @inline(__always)
        mutating func emit(_ n: Unicode.Scalar, origin: Int32, verbatim: Bool) {
            if n == " " || n == "\t" {
                pendingSpaces.append((n, origin, verbatim))
                return
            }
            if !pendingSpaces.isEmpty {
                if Normalizer.isHan(last) && Normalizer.isHan(n) {
                    pendingSpaces.removeAll(keepingCapacity: true)
                } else {
                    flushSpaces()
                }
            }
            append(n, origin: origin, verbatim: verbatim)
        }

        /// Folds the text written since byte `start` (the current segment's) with `folding`. The
        /// characters from the first one that changes are written again with their origins, each
        /// a run of its own, so the origin map stays exact when a folded character's UTF-8 is
        /// longer or shorter.
        mutating func fold(from start: Int, _ folding: TraditionalFolding) {
            foldable = false
            let written = utf8
            var scalars: [Unicode.Scalar] = []
            var starts: [Int] = []
            var b = start
            // The builder wrote this UTF-8 itself: it is valid.
            while b < count {
                let (v, width) = UTF8Bytes.scalar(at: b, in: written)
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                starts.append(b)
                b += width
            }
            let folded = folding.fold(scalars)
            guard let first = folded.indices.first(where: { folded[$0] != scalars[$0] }) else { return }
            let sources = starts[first...].map { origins.origin(ofScalarAt: $0) }
            utf8.removeSubrange(starts[first]...)
            origins.truncate(toByte: starts[first])
            nextOrigin = -2
            for (s, origin) in zip(folded[first...], sources) { append(s, origin: origin, verbatim: false) }
        }

        mutating func flushSpaces() {
            for (p, o, verbatim) in pendingSpaces { append(p, origin: o, verbatim: verbatim) }
            pendingSpaces.removeAll(keepingCapacity: true)
        }

        /// Appends `s` from `origin`: `verbatim` when its bytes are the source's, so the run may go on.
        @inline(__always)
        mutating func append(_ s: Unicode.Scalar, origin: Int32, verbatim: Bool) {
            if !verbatim || origin != nextOrigin { origins.startRun(atByte: utf8.count, origin: origin) }
            let v = s.value
            let width: Int
            switch v {
            case 0..<0x80:
                utf8.append(UInt8(v))
                width = 1
            case 0x80..<0x800:
                utf8.append(0xC0 | UInt8(v >> 6))
                utf8.append(0x80 | UInt8(v & 0x3F))
                width = 2
            case 0x800..<0x10000:
                utf8.append(0xE0 | UInt8(v >> 12))
                utf8.append(0x80 | UInt8((v >> 6) & 0x3F))
                utf8.append(0x80 | UInt8(v & 0x3F))
                width = 3
            default:
                utf8.append(0xF0 | UInt8(v >> 18))
                utf8.append(0x80 | UInt8((v >> 12) & 0x3F))
                utf8.append(0x80 | UInt8((v >> 6) & 0x3F))
                utf8.append(0x80 | UInt8(v & 0x3F))
                width = 4
            }
            nextOrigin = verbatim ? origin + Int32(width) : -2
            lastOrigin = origin
            last = s
        }
    }

    static func isHan(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v)
    }

    /// What normalization does to one scalar; the common cases allocate nothing.
    enum Mapping {
        case keep
        case drop
        case replace(Unicode.Scalar)
        case expand([Unicode.Scalar])
    }

    /// What a scalar normalizes to when that is one scalar known without a lookup: itself for
    /// ASCII but `\r`, CJK ideographs, and CJK punctuation and kana (、。「」【】…); the ASCII
    /// character for full-width ASCII (，：（）０-９, whose NFKC it is). Nil for the rest. Chinese
    /// text has a punctuation mark every dozen characters or so: the builder's fast loop takes
    /// them too.
    @inline(__always)
    static func directMapping(_ v: UInt32) -> UInt32? {
        if v < 0x80 { return v == 0x0D ? nil : v }
        if (0x4E00...0x9FFF).contains(v) || (0x3001...0x31FF).contains(v) { return v }
        if (0xFF01...0xFF5E).contains(v) { return v - 0xFEE0 }
        return nil
    }

    /// The mapping of the common scalars (ASCII, CJK, full-width forms, spaces); nil for the rest.
    @inline(__always)
    static func fastMapping(of s: Unicode.Scalar) -> Mapping? {
        let v = s.value
        if let direct = directMapping(v) { return direct == v ? .keep : .replace(Unicode.Scalar(direct)!) }
        if v == 0x0D { return .drop }
        if v == 0x3000 || v == 0x00A0 { return .replace(" ") }
        if isRemoved(v) { return .drop }
        return nil
    }

    static func mapping(of s: Unicode.Scalar) -> Mapping {
        if let fast = fastMapping(of: s) { return fast }
        if s.properties.generalCategory == .format { return .drop }
        let mapped = Array(String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
        return mapped.count == 1 ? (mapped[0] == s ? .keep : .replace(mapped[0])) : .expand(mapped)
    }

    static func isRemoved(_ v: UInt32) -> Bool {
        (0x200B...0x200F).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF || v == 0x00AD
            || v == 0x034F || v == 0x180E || (0x202A...0x202E).contains(v)
    }
}
