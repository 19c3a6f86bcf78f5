import Foundation
import TestSupport

/// Makes mutants of seed files: byte-level damage anywhere, plus damage aimed at what each format's
/// reader must get right — a ZIP's central directory and local headers, XML and HTML nesting,
/// entities and sections, front matter, GB18030 and UTF-16 re-encodings, PDF operators and tables.
struct Mutator {
    var random: SeededRandom

    /// A mutant of `seed` (named like it, so it is read as the same format) and what was done.
    mutating func mutant(of seed: [UInt8], name: String) -> (bytes: [UInt8], how: String) {
        var bytes = seed
        var how: [String] = []
        let ext = (name as NSString).pathExtension.lowercased()
        if ["txt", "md", "html", "xml"].contains(ext), Int.random(in: 0..<4, using: &random) == 0 {
            let (encoded, label) = reencode(bytes)
            bytes = encoded
            how.append(label)
        }
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let (changed, label): ([UInt8], String)
            switch (bytes.starts(with: [0x50, 0x4B, 3, 4]), bytes.starts(with: Array("%PDF-".utf8)), Int.random(in: 0..<3, using: &random)) {
            case (true, _, 0), (true, _, 1): (changed, label) = zipDamage(bytes)
            case (_, true, 0), (_, true, 1): (changed, label) = pdfDamage(bytes)
            case (false, false, 0), (false, false, 1): (changed, label) = textDamage(bytes)
            default: (changed, label) = byteDamage(bytes)
            }
            bytes = changed
            how.append(label)
        }
        return (bytes, how.joined(separator: ", "))
    }

    // MARK: - Byte level

    private mutating func position(in bytes: [UInt8]) -> Int {
        bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
    }

    mutating func byteDamage(_ input: [UInt8]) -> ([UInt8], String) {
        var bytes = input
        guard !bytes.isEmpty else { return ([0xFF], "byte") }
        let at = position(in: bytes)
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            return (bytes, "bit flip @\(at)")
        case 1:
            bytes[at] = UInt8.random(in: 0...255, using: &random)
            return (bytes, "byte @\(at)")
        case 2:
            let interesting: [[UInt8]] = [
                [0], [0xFF], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x0D], [0x0A], [0x26], [0x3C], [0xE2, 0x98, 0x85],
            ]
            bytes.insert(contentsOf: interesting.randomElement(using: &random)!, at: at)
            return (bytes, "insert @\(at)")
        case 3:
            let n = min(Int.random(in: 1...64, using: &random), bytes.count - at)
            bytes.removeSubrange(at..<(at + n))
            return (bytes, "delete \(n) @\(at)")
        case 4:
            let n = min(Int.random(in: 1...256, using: &random), bytes.count - at)
            bytes.insert(contentsOf: bytes[at..<(at + n)], at: position(in: bytes))
            return (bytes, "duplicate \(n) @\(at)")
        case 5:
            return (Array(bytes.prefix(at)), "truncate @\(at)")
        default:
            let n = min(Int.random(in: 1...16, using: &random), bytes.count - at)
            for i in at..<(at + n) { bytes[i] = UInt8.random(in: 0...255, using: &random) }
            return (bytes, "scramble \(n) @\(at)")
        }
    }

    // MARK: - ZIP

    /// Damage to the records a ZIP reader trusts: the end record, directory records and local
    /// headers (counts, sizes, offsets, name lengths, flags, checksums), or a byte inserted in them.
    mutating func zipDamage(_ input: [UInt8]) -> ([UInt8], String) {
        var bytes = input
        let signatures: [[UInt8]] = [[0x50, 0x4B, 5, 6], [0x50, 0x4B, 1, 2], [0x50, 0x4B, 3, 4]]
        let signature = signatures.randomElement(using: &random)!
        var found: [Int] = []
        var i = 0
        while i + 4 <= bytes.count {
            if bytes[i] == signature[0], bytes[i + 1] == signature[1], bytes[i + 2] == signature[2], bytes[i + 3] == signature[3] { found.append(i) }
            i += 1
        }
        guard let record = found.randomElement(using: &random) else { return byteDamage(bytes) }
        let fields: [Int]
        switch signature[2] {
        case 5: fields = [8, 10, 12, 16, 20]
        case 1: fields = [8, 10, 16, 20, 24, 28, 30, 32, 42]
        default: fields = [6, 8, 14, 18, 22, 26, 28]
        }
        let field = record + fields.randomElement(using: &random)!
        guard field + 4 <= bytes.count else { return byteDamage(bytes) }
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: record + Int.random(in: 0..<4, using: &random))
            return (bytes, "zip: byte inserted at record \(record)")
        case 1:
            let values: [UInt32] = [0, 1, 0xFFFF, 0xFFFF_FFFF, UInt32(bytes.count), UInt32(bytes.count - 1), 0x7FFF_FFFF]
            let value = values.randomElement(using: &random)!
            for (k, b) in value.littleEndianBytes.enumerated() { bytes[field + k] = b }
            return (bytes, "zip: field \(field) = \(value)")
        case 2:
            bytes[field] ^= UInt8.random(in: 1...255, using: &random)
            return (bytes, "zip: field \(field) changed")
        default:
            // A byte inside the entry's data (compressed stream or stored bytes).
            let at = min(bytes.count - 1, record + 30 + Int.random(in: 0..<200, using: &random))
            bytes[at] ^= 0xFF
            return (bytes, "zip: data @\(at)")
        }
    }

    // MARK: - Text formats

    /// Markup, front matter and encodings readers stumble on, inserted at a random place.
    mutating func textDamage(_ input: [UInt8]) -> ([UInt8], String) {
        var bytes = input
        let depth = Int.random(in: 200...40_000, using: &random)
        let snippets: [(String, String)] = [
            (String(repeating: "<div>", count: depth), "nesting \(depth)"),
            (String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth), "balanced nesting \(depth)"),
            ("<![CDATA[机密★一年", "open CDATA"), ("<!--", "open comment"), ("<script>", "open script"),
            ("<!DOCTYPE x [<!ENTITY e \"&#x31;&#x33;&#x39;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">]>&f;", "entities"),
            ("&#0;&#xD800;&#x110000;&bogus;", "bad references"), ("\u{FEFF}", "BOM inside"),
            ("---\ntitle: [a, b\nx: &a [1, 2]\ny: [*a, *a, *a]\n---\n", "front matter"), ("+++\ntitle = \"\n+++\n", "TOML front matter"),
            ("\n---\n" + String(repeating: "- ", count: 2000) + "\n", "front matter list"),
            (String(repeating: "1", count: 5000), "digit run"), ("\r\r\n\r", "line ends"),
        ]
        let (snippet, label) = snippets.randomElement(using: &random)!
        let at = Int.random(in: 0...bytes.count, using: &random)
        bytes.insert(contentsOf: Array(snippet.utf8), at: at)
        return (bytes, "\(label) @\(at)")
    }

    /// The text re-encoded: UTF-16 either way, with or without a mark, or GB18030.
    mutating func reencode(_ bytes: [UInt8]) -> ([UInt8], String) {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return (bytes, "not UTF-8") }
        let units = Array(text.utf16)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return ([0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16LE")
        case 1: return ([0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "UTF-16BE")
        case 2: return (units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16LE without BOM")
        case 3: return (units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "UTF-16BE without BOM")
        default: return (GB18030Oracle.bytes(of: text) ?? bytes, "GB18030")
        }
    }

    // MARK: - PDF

    /// Operators, object and table damage in a PDF (an unknown operator drops a line of text).
    mutating func pdfDamage(_ input: [UInt8]) -> ([UInt8], String) {
        let replacements: [(String, String)] = [
            ("Tj", "Tk"), ("TJ", "TK"), ("stream", "strezm"), ("endobj", "endobk"), ("xref", "xreg"), ("/Length", "/Lenght"),
            ("obj", "ojb"), ("Td", "TD"), ("/FlateDecode", "/FlateDecodf"),
        ]
        let (from, to) = replacements.randomElement(using: &random)!
        let needle = Array(from.utf8)
        var hits: [Int] = []
        var i = 0
        while i + needle.count <= input.count {
            if input[i] == needle[0], Array(input[i..<(i + needle.count)]) == needle { hits.append(i) }
            i += 1
        }
        guard let at = hits.randomElement(using: &random) else { return byteDamage(input) }
        var bytes = input
        bytes.replaceSubrange(at..<(at + needle.count), with: Array(to.utf8))
        return (bytes, "pdf: \(from)→\(to) @\(at)")
    }
}
