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
        for segment in segments {
            let start = out.utf8.count
            var pendingSpaces: [(Unicode.Scalar, Int32)] = []
            for (s, origin) in zip(segment.scalars, segment.origins) {
                for n in Normalizer.map(s) {
                    if n == " " || n == "\t" {
                        pendingSpaces.append((n, origin))
                        continue
                    }
                    if !pendingSpaces.isEmpty {
                        if !(Normalizer.isHan(out.last) && Normalizer.isHan(n)) {
                            for (p, o) in pendingSpaces { out.append(p, origin: o) }
                        }
                        pendingSpaces.removeAll()
                    }
                    out.append(n, origin: origin)
                }
            }
            for (p, o) in pendingSpaces { out.append(p, origin: o) }
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

        mutating func append(_ s: Unicode.Scalar, origin: Int32) {
            let before = utf8.count
            utf8.append(contentsOf: UTF8.encode(s)!)
            for _ in before..<utf8.count { origins.append(origin) }
            last = s
        }
    }

    static func isHan(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v)
    }

    /// The normalized form of one scalar: empty when it is removed.
    static func map(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        let v = s.value
        if v < 0x80 { return v == 0x0D ? [] : [s] }
        if (0x4E00...0x9FFF).contains(v) { return [s] }
        if (0xFF01...0xFF5E).contains(v) { return [Unicode.Scalar(v - 0xFEE0)!] }
        if v == 0x3000 || v == 0x00A0 { return [" "] }
        if isRemoved(v) { return [] }
        if (0x3001...0x33FF).contains(v) && !(0x3200...0x33FF).contains(v) { return [s] }
        if s.properties.generalCategory == .format { return [] }
        let mapped = String(s).precomposedStringWithCompatibilityMapping.unicodeScalars
        return Array(mapped)
    }

    static func isRemoved(_ v: UInt32) -> Bool {
        (0x200B...0x200F).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF || v == 0x00AD
            || v == 0x034F || v == 0x180E || (0x202A...0x202E).contains(v)
    }
}

