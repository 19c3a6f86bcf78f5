import Foundation

/// Builds the matching copy of a document (domain-spec §1.3, detectors.md §0.4).
///
/// - NFKC per character: full-width digits and letters become ASCII, U+3000 a space.
/// - Format characters (zero-width space, joiners, BOM, soft hyphen) are removed, so a number with
///   a U+200B inside is one run.
/// - `\r` is dropped, so `$` works the same for CRLF files.
/// - Spaces between two Han characters are removed (`签 发 人`, `机　密`).
/// - Segments are joined; a block boundary becomes `\n`, inline boundaries (spans) nothing.
public struct Normalizer: Sendable {
    public init() {}

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
        var out = Builder()
        let scalarCount = segments.reduce(0) { $0 + $1.scalars.count }
        out.utf8.reserveCapacity(scalarCount * 3 + segments.count)
        out.origins.reserveCapacity(scalarCount * 3 + segments.count)
        for segment in segments {
            let start = out.utf8.count
            segment.scalars.withUnsafeBufferPointer { scalars in
                segment.origins.withUnsafeBufferPointer { origins in
                    for i in 0..<scalars.count {
                        let s = scalars[i]
                        switch Normalizer.mapping(of: s) {
                        case .keep: out.emit(s, origin: origins[i])
                        case .drop: break
                        case .replace(let n): out.emit(n, origin: origins[i])
                        case .expand(let list): for n in list { out.emit(n, origin: origins[i]) }
                        }
                    }
                }
            }
            out.flushSpaces()
            if segment.endsBlock && out.last != "\n" {
                out.append("\n", origin: out.origins.last ?? 0)
            }
            if out.utf8.count > start {
                out.parts.append((start..<out.utf8.count, segment.part))
                if let place = segment.place { out.places.append((start..<out.utf8.count, place)) }
            }
        }
        return NormalizedText(utf8: out.utf8, origins: out.origins, parts: out.parts, places: out.places)
    }

    private struct Builder {
        var utf8: [UInt8] = []
        var origins: [Int32] = []
        var parts: [(range: Range<Int>, part: ContentPart)] = []
        var places: [(range: Range<Int>, place: String)] = []
        var last: Unicode.Scalar?
        /// Spaces are held back until the next character shows whether they sit between two Han
        /// characters (then they go) or not (then they are written with their own origins).
        var pendingSpaces: [(Unicode.Scalar, Int32)] = []

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

        mutating func flushSpaces() {
            for (p, o) in pendingSpaces { append(p, origin: o) }
            pendingSpaces.removeAll(keepingCapacity: true)
        }

        mutating func append(_ s: Unicode.Scalar, origin: Int32) {
            let v = s.value
            switch v {
            case 0..<0x80:
                utf8.append(UInt8(v))
                origins.append(origin)
            case 0x80..<0x800:
                utf8.append(0xC0 | UInt8(v >> 6))
                utf8.append(0x80 | UInt8(v & 0x3F))
                origins.append(origin)
                origins.append(origin)
            case 0x800..<0x10000:
                utf8.append(0xE0 | UInt8(v >> 12))
                utf8.append(0x80 | UInt8((v >> 6) & 0x3F))
                utf8.append(0x80 | UInt8(v & 0x3F))
                origins.append(origin)
                origins.append(origin)
                origins.append(origin)
            default:
                utf8.append(0xF0 | UInt8(v >> 18))
                utf8.append(0x80 | UInt8((v >> 12) & 0x3F))
                utf8.append(0x80 | UInt8((v >> 6) & 0x3F))
                utf8.append(0x80 | UInt8(v & 0x3F))
                for _ in 0..<4 { origins.append(origin) }
            }
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

    @inline(__always)
    static func mapping(of s: Unicode.Scalar) -> Mapping {
        let v = s.value
        if v < 0x80 { return v == 0x0D ? .drop : .keep }
        if (0x4E00...0x9FFF).contains(v) { return .keep }
        if (0xFF01...0xFF5E).contains(v) { return .replace(Unicode.Scalar(v - 0xFEE0)!) }
        if v == 0x3000 || v == 0x00A0 { return .replace(" ") }
        if isRemoved(v) { return .drop }
        if (0x3001...0x33FF).contains(v) && !(0x3200...0x33FF).contains(v) { return .keep }
        if s.properties.generalCategory == .format { return .drop }
        let mapped = Array(String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
        return mapped.count == 1 ? (mapped[0] == s ? .keep : .replace(mapped[0])) : .expand(mapped)
    }

    static func isRemoved(_ v: UInt32) -> Bool {
        (0x200B...0x200F).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF || v == 0x00AD
            || v == 0x034F || v == 0x180E || (0x202A...0x202E).contains(v)
    }
}

