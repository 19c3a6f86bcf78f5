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
public struct Normalizer: Sendable {
    /// Nil only when OpenCC's data is missing, which a review refuses to start with
    /// (``ReviewConfiguration/load(rulesPath:site:fallbackFolder:)``).
    let folding: TraditionalFolding?

    public init() {
        folding = try? TraditionalFolding.shared.get()
    }

    /// The normalized UTF-8 of a bare string (rule keywords), without a trailing line break.
    public func normalize(_ string: String) -> [UInt8] {
        let scalars = Array(string.unicodeScalars)
        let segment = TextSegment(part: .body, decoded: scalars, range: 0..<scalars.count)
        var bytes = normalize([segment]).utf8
        if bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }

    /// The normalized form of a short string (a title, a field value), for comparisons.
    public static func normalized(_ string: String) -> String {
        String(decoding: Normalizer().normalize(string), as: UTF8.self)
    }

    public func normalize(_ segments: [TextSegment]) -> NormalizedText {
        // Room for three bytes a scalar (what Chinese text takes) and a line break per segment: the
        // builder grows if normalization makes the text longer. (Counting the exact UTF-8 length
        // first was a pass over every scalar.)
        let scalarCount = segments.reduce(0) { $0 + $1.scalars.count }
        var out = Builder(capacity: 3 * scalarCount + segments.count + 64)
        // Scalars outside the fast ranges (punctuation such as “ ” …, Latin letters) go through
        // Foundation's NFKC; each distinct one once per document.
        var slow: [UInt32: Mapping] = [:]
        var parts: [(range: Range<Int>, part: ContentPart)] = []
        var places: [(range: Range<Int>, place: String)] = []
        var columns: [(range: Range<Int>, place: String)] = []
        let foldBits = folding?.basic ?? []
        for segment in segments {
            let start = out.count
            Self.normalize(
                segment.scalars.span, origins: segment.origins.span, into: &out, slow: &slow, folding: folding, foldBits: foldBits.span)
            out.flushSpaces()
            if out.foldable, let folding { out.fold(from: start, folding) }
            if segment.endsBlock && out.last != "\n" {
                out.append("\n", origin: out.lastOrigin ?? 0)
            }
            if out.count > start {
                parts.append((start..<out.count, segment.part))
                if let place = segment.place { places.append((start..<out.count, place)) }
                if let column = segment.column { columns.append((start..<out.count, column)) }
            }
        }
        return NormalizedText(utf8: out.utf8Array, origins: out.origins, parts: parts, places: places, columns: columns)
    }

    /// One segment's scalars into `out`: a loop of its own, with runs of the common case — scalars with a ``directMapping(_:)``, no spaces
    /// held back — written by ``Builder/appendKept(_:origins:from:)``.
    private static func normalize(
        _ scalars: Span<Unicode.Scalar>, origins: Span<Int32>, into out: inout Builder,
        slow: inout [UInt32: Mapping], folding: TraditionalFolding?, foldBits: Span<UInt64>
    ) {
        var i = 0
        while i < scalars.count {
            i = out.appendKept(scalars, origins: origins, from: i, foldBits: foldBits)
            guard i < scalars.count else { break }
            defer { i += 1 }
            let s = scalars[i]
            let v = s.value
            // Most other scalars map directly too: no Mapping value, whose array payload costs
            // reference counting, is made for them.
            if let direct = Normalizer.directMapping(v) {
                out.emit(Unicode.Scalar(direct)!, origin: origins[i])
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
            case .keep: out.emit(s, origin: origins[i])
            case .drop: break
            case .replace(let n): out.emit(n, origin: origins[i])
            case .expand(let list): for n in list { out.emit(n, origin: origins[i]) }
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

    /// The normalized bytes, written by index into an array made long enough ahead (appending to
    /// an array byte by byte was most of the normalizer's time), and their origins.
    private struct Builder {
        /// Written up to `count`; the rest is room.
        private var utf8: [UInt8]
        private(set) var count = 0
        private(set) var last: Unicode.Scalar?
        private(set) var origins = OriginMap()
        /// Where the current origin run started, and the origin that continues it.
        private var runStart = 0
        private var nextOrigin: Int32 = -1
        /// Spaces are held back until the next character shows whether they sit between two Han
        /// characters (then they go) or not (then they are written with their own origins).
        private var pendingSpaces: [(Unicode.Scalar, Int32)] = []
        /// Set when the current segment wrote a character ``TraditionalFolding`` changes.
        var foldable = false

        init(capacity: Int) {
            utf8 = [UInt8](repeating: 0, count: max(capacity, 16))
        }

        var lastOrigin: Int32? { count > 0 ? nextOrigin - 1 : nil }

        /// Appends `scalars` from `start` for as long as they have a ``Normalizer/directMapping(_:)``
        /// and are not spaces or tabs (held back), and no spaces are held back; returns where it
        /// stopped. The builder's fields are copied into locals for the loop: as stored properties
        /// of an `inout` value they were loaded and stored on every scalar.
        mutating func appendKept(
            _ scalars: Span<Unicode.Scalar>, origins: Span<Int32>, from start: Int, foldBits: Span<UInt64>
        ) -> Int {
            guard pendingSpaces.isEmpty else { return start }
            let n = scalars.count
            var i = start
            var count = self.count
            var runStart = self.runStart
            var nextOrigin = self.nextOrigin
            var lastWritten: UInt32 = 0
            var foldable = false
            let folds = !foldBits.isEmpty
            // This loop writes at most three bytes a scalar: room for all of them is made once.
            if count + 3 * (n - start) > utf8.count { grow(toAtLeast: count + 3 * (n - start)) }
            // The origin map is moved out for the loop (the span holds `utf8` exclusively), then back.
            var map = self.origins
            self.origins = OriginMap()
            var utf8 = self.utf8.mutableSpan
            while i < n {
                let scalar = scalars[i].value
                guard scalar != 0x20, scalar != 0x09, let v = Normalizer.directMapping(scalar) else { break }
                let wide = v >= 0x80
                lastWritten = v
                Self.track(origins[i], atByte: count, in: &map, runStart: &runStart, nextOrigin: &nextOrigin)
                if wide {
                    // One load per Han character tells whether the segment needs folding.
                    if folds, v >= 0x3400, foldBits[Int(v >> 6)] & (1 << (v & 63)) != 0 { foldable = true }
                    utf8[count] = 0xE0 | UInt8(v >> 12)
                    utf8[count + 1] = 0x80 | UInt8((v >> 6) & 0x3F)
                    utf8[count + 2] = 0x80 | UInt8(v & 0x3F)
                    count += 3
                } else {
                    utf8[count] = UInt8(v)
                    count += 1
                }
                i += 1
            }
            self.origins = map
            if i > start { last = Unicode.Scalar(lastWritten) }
            if foldable { self.foldable = true }
            self.count = count
            self.runStart = runStart
            self.nextOrigin = nextOrigin
            return i
        }
        var utf8Array: [UInt8] { Array(utf8[..<count]) }

        @inline(__always)
        mutating func emit(_ n: Unicode.Scalar, origin: Int32) {
            if n == " " || n == "\t" {
                pendingSpaces.append((n, origin))
                return
            }
            if !pendingSpaces.isEmpty {
                if Normalizer.isHan(last) && Normalizer.isHan(n) {
                    pendingSpaces.removeAll(keepingCapacity: true)
                } else {
                    flushSpaces()
                }
            }
            append(n, origin: origin)
        }

        /// Folds the text written since byte `start` (the current segment's) with `folding`. The
        /// characters from the first one that changes are written again with their origins, so the
        /// origin map stays exact when a folded character's UTF-8 is longer or shorter.
        mutating func fold(from start: Int, _ folding: TraditionalFolding) {
            foldable = false
            let written = utf8
            var scalars: [Unicode.Scalar] = []
            var starts: [Int] = []
            var b = start
            // The builder wrote this UTF-8 itself: it is valid.
            while b < count {
                let lead = written[b]
                let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var v = UInt32(width == 1 ? lead : lead & (0xFF >> (width + 1)))
                for k in 1..<width { v = v << 6 | UInt32(written[b + k] & 0x3F) }
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                starts.append(b)
                b += width
            }
            let folded = folding.fold(scalars)
            guard let first = folded.indices.first(where: { folded[$0] != scalars[$0] }) else { return }
            let sources = origins.origins(ofScalarsStartingAt: Array(starts[first...]), in: written)
            count = starts[first]
            origins.truncate(toByte: count)
            // The next scalar starts a run of its own.
            nextOrigin = -2
            for (s, origin) in zip(folded[first...], sources) { append(s, origin: origin) }
        }

        mutating func flushSpaces() {
            for (p, o) in pendingSpaces { append(p, origin: o) }
            pendingSpaces.removeAll(keepingCapacity: true)
        }

        @inline(__always)
        mutating func append(_ s: Unicode.Scalar, origin: Int32) {
            if count + 4 > utf8.count { grow() }
            Self.track(origin, atByte: count, in: &origins, runStart: &runStart, nextOrigin: &nextOrigin)
            let v = s.value
            let width: Int
            switch v {
            case 0..<0x80:
                utf8[count] = UInt8(v)
                width = 1
            case 0x80..<0x800:
                utf8[count] = 0xC0 | UInt8(v >> 6)
                utf8[count + 1] = 0x80 | UInt8(v & 0x3F)
                width = 2
            case 0x800..<0x10000:
                utf8[count] = 0xE0 | UInt8(v >> 12)
                utf8[count + 1] = 0x80 | UInt8((v >> 6) & 0x3F)
                utf8[count + 2] = 0x80 | UInt8(v & 0x3F)
                width = 3
            default:
                utf8[count] = 0xF0 | UInt8(v >> 18)
                utf8[count + 1] = 0x80 | UInt8((v >> 12) & 0x3F)
                utf8[count + 2] = 0x80 | UInt8((v >> 6) & 0x3F)
                utf8[count + 3] = 0x80 | UInt8(v & 0x3F)
                width = 4
            }
            count += width
            last = s
        }

        /// Notes that the scalar written at `byte` came from `origin`: a new run in `map` unless it
        /// continues the current one (`nextOrigin`) and the run is still short enough.
        @inline(__always)
        private static func track(_ origin: Int32, atByte byte: Int, in map: inout OriginMap, runStart: inout Int, nextOrigin: inout Int32) {
            if origin != nextOrigin || byte - runStart >= OriginMap.maxRunBytes {
                map.startRun(atByte: byte, origin: origin)
                runStart = byte
            }
            nextOrigin = origin &+ 1
        }

        private mutating func grow(toAtLeast needed: Int = 0) {
            utf8.append(contentsOf: repeatElement(0, count: max(utf8.count, needed - utf8.count)))
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
