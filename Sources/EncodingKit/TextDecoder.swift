import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes document bytes into scalars with an exact map back to byte offsets.
///
/// Order of evidence: a byte-order mark wins (UTF-32 is refused); a NUL byte anywhere makes the
/// file binary (UTF-16 without a mark has them wherever there is ASCII); then bytes that are valid
/// UTF-8, whatever is declared (GB18030 is declared over UTF-8 by copied templates, never the
/// reverse for long); then GB18030, unless the bytes are UTF-8 damaged in a few places, or read as
/// GB18030 they are not Chinese text (``GB18030Plausibility``). Anything else is reported, never
/// guessed (fail closed).
public enum TextDecoder {
    /// Decodes `bytes`, using `declared` (from `<meta charset>` or an XML prolog) when there is no BOM.
    public static func decode(_ bytes: [UInt8], declared: TextEncoding? = nil) throws(DecodingError) -> DecodedText {
        guard bytes.count < Int(UInt32.max) else { throw .tooLarge }
        switch try byteOrderMark(bytes) {
        case .utf8BOM?: return try decodeUTF8(bytes, from: 3, as: .utf8BOM)
        case .utf16LE?: return try decodeUTF16(bytes, bigEndian: false, from: 2)
        case .utf16BE?: return try decodeUTF16(bytes, bigEndian: true, from: 2)
        default: break
        }
        if looksBinary(bytes) || containsNUL(bytes) { throw .binary }
        // Bytes valid as UTF-8 are UTF-8 whatever is declared: a GBK declaration over UTF-8 comes
        // from templates copied between sites (Chinese in GBK is never valid UTF-8 for long, while
        // UTF-8 often passes as GB18030 mojibake), and a wrong UTF-8 declaration falls back to GB18030.
        if let text = try? decodeUTF8(bytes, from: 0, as: .utf8) { return text }
        if let offset = damagedUTF8(bytes) { throw .damagedUTF8(offset: offset) }
        let text: DecodedText
        do {
            text = try decodeGB18030(bytes)
        } catch {
            throw reportsMalformed(declared) ? error : .undecodable(offset: firstInvalidUTF8(bytes))
        }
        try requireChineseText(bytes)
        return text
    }

    /// The encoding `decode` would read `bytes` in, decided the same way but without decoding them
    /// (a transcoded copy can take three bytes per byte): for a file too large to hold decoded
    /// whole, read in windows (``decode(_:window:as:firstLine:firstColumn:)``).
    public static func encoding(of bytes: [UInt8], declared: TextEncoding? = nil) throws(DecodingError) -> TextEncoding {
        guard bytes.count < Int(UInt32.max) else { throw .tooLarge }
        if let marked = try byteOrderMark(bytes) {
            if marked != .utf8BOM, bytes.count % 2 != 0 { throw .malformed(marked, offset: bytes.count - 1) }
            return marked
        }
        if looksBinary(bytes) || containsNUL(bytes) { throw .binary }
        if isValidUTF8(bytes) { return .utf8 }
        if let offset = damagedUTF8(bytes) { throw .damagedUTF8(offset: offset) }
        if let offset = GB18030Plausibility.firstMalformedUnit(bytes) {
            throw reportsMalformed(declared) ? .malformed(.gb18030, offset: offset) : .undecodable(offset: firstInvalidUTF8(bytes))
        }
        try requireChineseText(bytes)
        return .gb18030
    }

    /// Decodes bytes `window` of a file known to be in `encoding` (as ``encoding(of:declared:)``
    /// found); byte offsets count from the file's start, and `firstLine`/`firstColumn` say where
    /// the window begins. A window must start and end on character boundaries.
    public static func decode(
        _ bytes: [UInt8], window: Range<Int>, as encoding: TextEncoding, firstLine: Int, firstColumn: Int
    ) throws(DecodingError) -> DecodedText {
        let slice = Array(bytes[window])
        let text: DecodedText
        do {
            switch encoding {
            case .utf8, .utf8BOM: text = try decodeUTF8(slice, from: 0, as: encoding)
            case .utf16LE: text = try decodeUTF16(slice, bigEndian: false, from: 0)
            case .utf16BE: text = try decodeUTF16(slice, bigEndian: true, from: 0)
            case .gb18030: text = try decodeGB18030(slice)
            }
        } catch {
            if case .malformed(let e, let offset) = error { throw .malformed(e, offset: offset + window.lowerBound) }
            throw error
        }
        let base = UInt32(window.lowerBound)
        return DecodedText(
            utf8: text.utf8, encoding: encoding, base: text.base + window.lowerBound, originalOffsets: text.originalOffsets?.map { $0 + base },
            firstLine: firstLine, firstColumn: firstColumn, lineStarts: text.lineStarts)
    }

    /// The encoding a byte-order mark announces (UTF-32 marks are refused), or nil without one.
    static func byteOrderMark(_ bytes: [UInt8]) throws(DecodingError) -> TextEncoding? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        // UTF-32 marks first: FF FE also begins the UTF-16LE mark.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw .unsupported("UTF-32")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        return nil
    }

    /// A file declared GB18030 (or UTF-8, then read as GB18030) that fails is malformed GB18030;
    /// an undeclared one is neither encoding.
    private static func reportsMalformed(_ declared: TextEncoding?) -> Bool {
        [.gb18030, .utf8, .utf8BOM].contains(declared)
    }

    /// GB18030 bytes are read only when they are Chinese text (``GB18030Plausibility``).
    private static func requireChineseText(_ bytes: [UInt8]) throws(DecodingError) {
        guard GB18030Plausibility(bytes).isChineseText else {
            throw .notGB18030Text(likelyUTF16: GB18030Plausibility.looksLikeUTF16(bytes))
        }
    }

    /// Whether `bytes` are strict UTF-8 (what ``decodeUTF8(_:from:as:)`` accepts), checked without
    /// decoding them.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        unsafe bytes.withUnsafeBufferPointer { unsafe firstInvalidUTF8($0, from: 0) } == nil
    }

    /// Whether a NUL byte occurs anywhere (`looksBinary` reads only the first 8 KiB).
    static func containsNUL(_ bytes: [UInt8]) -> Bool {
        unsafe bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return unsafe memchr(base, 0, buffer.count) != nil
        }
    }

    /// The first bad byte of text that is UTF-8 but for a few places: at least 8 well-formed
    /// multi-byte sequences and at most one run of bad bytes for every 20 of them. GB18030 Chinese
    /// read as UTF-8 breaks at most characters, and what happens to be well-formed in it splits the
    /// bad bytes into about as many runs.
    static func damagedUTF8(_ bytes: [UInt8]) -> Int? {
        var valid = 0
        var invalidRuns = 0
        var inRun = false
        var first: Int?
        var offset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        parsing: while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let scalar):
                if scalar.count > 1 { valid += 1 }
                inRun = false
                offset += scalar.count
            case .error(let length):
                if !inRun { invalidRuns += 1 }
                inRun = true
                if first == nil { first = offset }
                offset += length
            case .emptyInput:
                break parsing
            }
        }
        guard let first, valid >= 8, invalidRuns * 20 <= valid else { return nil }
        return first
    }

    /// Sniffs a charset declared in the first kilobyte (`<meta charset=…>`, `content="…; charset=…"`, XML prolog).
    public static func declaredCharset(in bytes: [UInt8]) -> TextEncoding? {
        // ASCII lowercased; other bytes become spaces (they end a label).
        let head = bytes.prefix(1024).map { $0 >= 0x80 ? 0x20 : (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        for key in ["charset=", "encoding="] {
            let key = Array(key.utf8)
            guard head.count >= key.count,
                let found = (0...(head.count - key.count)).first(where: { head[$0..<($0 + key.count)].elementsEqual(key) })
            else { continue }
            var i = found + key.count
            while i < head.count, head[i] == 0x22 || head[i] == 0x27 || head[i] == 0x20 { i += 1 }
            var label: [UInt8] = []
            while i < head.count {
                let b = head[i]
                guard (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x5F else { break }
                label.append(b)
                i += 1
            }
            if let encoding = TextEncoding(label: String(decoding: label, as: UTF8.self)) { return encoding }
        }
        return nil
    }

    // MARK: - Encodings

    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        var control = 0
        let n = min(bytes.count, 8192)
        return unsafe bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < n {
                // Eight bytes at a time while none is below 0x20 (most of a text file).
                if i + 8 <= n {
                    let word = unsafe UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        continue
                    }
                }
                let b = unsafe buffer[i]
                if b == 0 { return true }
                if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { control += 1 }
                i += 1
            }
            return control > 8
        }
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// Strict UTF-8 (no overlong forms, surrogates or values past U+10FFFF): validated, not
    /// decoded. Without a byte-order mark the text is the file's own array; positions are its bytes.
    static func decodeUTF8(_ bytes: [UInt8], from start: Int, as encoding: TextEncoding) throws(DecodingError) -> DecodedText {
        let failure = unsafe bytes.withUnsafeBufferPointer { unsafe firstInvalidUTF8($0, from: start) }
        if let failure { throw .malformed(encoding, offset: failure) }
        let utf8 = start == 0 ? bytes : Array(bytes[start...])
        return DecodedText(utf8: utf8, encoding: encoding, base: start)
    }

    /// Where strict UTF-8 validation of `input` from `start` fails; nil for valid text. Eight
    /// ASCII bytes are passed over at a time, and three-byte sequences led by E1–EC or EE–EF (CJK,
    /// full-width forms; no overlong form or surrogate to rule out) check only their continuation bytes.
    static func firstInvalidUTF8(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = input.count
        var i = start
        guard let base = input.baseAddress else { return nil }
        let raw = unsafe UnsafeRawPointer(base)
        while i < n {
            let b0 = unsafe input[i]
            if b0 < 0x80 {
                // Eight at a time from an ASCII byte on (after a multi-byte character the next
                // one is most likely multi-byte too).
                if i + 8 <= n, unsafe raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                } else {
                    i += 1
                }
                continue
            }
            if (0xE1...0xEC).contains(b0) || b0 >= 0xEE && b0 <= 0xEF, i + 2 < n {
                let c1 = unsafe input[i + 1]
                let c2 = unsafe input[i + 2]
                if c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80 {
                    i += 3
                    continue
                }
            }
            let length: Int
            var value: UInt32
            switch b0 {
            case 0xC2...0xDF: (length, value) = (2, UInt32(b0 & 0x1F))
            case 0xE0...0xEF: (length, value) = (3, UInt32(b0 & 0x0F))
            case 0xF0...0xF4: (length, value) = (4, UInt32(b0 & 0x07))
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = unsafe input[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            guard value >= minimum, Unicode.Scalar(value) != nil else { return i }
            i += length
        }
        return nil
    }

    /// Text in another encoding as UTF-8, with the file offset of every decoded byte's character
    /// (``DecodedText/originalOffsets``): `scalars` and the file offset where each starts, plus the end.
    private static func transcoded(_ scalars: [Unicode.Scalar], offsets: [UInt32], encoding: TextEncoding) -> DecodedText {
        var utf8: [UInt8] = []
        var original: [UInt32] = []
        utf8.reserveCapacity(scalars.count * 3)
        original.reserveCapacity(scalars.count * 3 + 1)
        for (k, s) in scalars.enumerated() {
            let before = utf8.count
            utf8.append(contentsOf: UTF8.encode(s)!)
            for _ in before..<utf8.count { original.append(offsets[k]) }
        }
        original.append(offsets[scalars.count])
        return DecodedText(utf8: utf8, encoding: encoding, originalOffsets: original)
    }

    /// UTF-16 from byte `start` (2 after a byte-order mark, 0 for a window).
    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, from start: Int) throws(DecodingError) -> DecodedText {
        let encoding: TextEncoding = bigEndian ? .utf16BE : .utf16LE
        guard bytes.count % 2 == 0 else { throw .malformed(encoding, offset: bytes.count - 1) }
        var units: [UInt16] = []
        units.reserveCapacity(max(0, bytes.count / 2 - 1))
        var i = start
        while i + 1 < bytes.count {
            let hi = UInt16(bytes[bigEndian ? i : i + 1])
            let lo = UInt16(bytes[bigEndian ? i + 1 : i])
            units.append(hi << 8 | lo)
            i += 2
        }
        var scalars: [Unicode.Scalar] = []
        var offsets: [UInt32] = []
        var it = units.makeIterator()
        var decoder = UTF16()
        var offset = start
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                // U+0000 is no text (in UTF-8 a NUL byte makes the file binary too), and would
                // end the text early for a parser handed C strings.
                guard s != "\0" else { throw .binary }
                scalars.append(s)
                offsets.append(UInt32(offset))
                offset += 2 * UTF16.width(s)
            case .emptyInput: break loop
            case .error: throw .malformed(encoding, offset: offset)
            }
        }
        offsets.append(UInt32(offset))
        return transcoded(scalars, offsets: offsets, encoding: encoding)
    }

    /// GB18030 units are found structurally (1, 2 or 4 bytes); multi-byte units are converted by
    /// glibc's iconv, which maps each valid unit to exactly one code point.
    static func decodeGB18030(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        var offsets: [UInt32] = []
        var multi: [UInt8] = []
        var isMulti: [Bool] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            offsets.append(UInt32(i))
            if b < 0x80 {
                isMulti.append(false)
                i += 1
                continue
            }
            guard b >= 0x81 && b <= 0xFE, i + 1 < n else { throw .malformed(.gb18030, offset: i) }
            let b2 = bytes[i + 1]
            if (0x40...0x7E).contains(b2) || (0x80...0xFE).contains(b2) {
                multi.append(contentsOf: bytes[i..<i + 2])
                i += 2
            } else if (0x30...0x39).contains(b2), i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]),
                (0x30...0x39).contains(bytes[i + 3])
            {
                multi.append(contentsOf: bytes[i..<i + 4])
                i += 4
            } else {
                throw .malformed(.gb18030, offset: i)
            }
            isMulti.append(true)
        }
        offsets.append(UInt32(n))
        let converted = try iconvToUTF32(multi)
        guard converted.count == isMulti.filter({ $0 }).count else { throw .malformed(.gb18030, offset: 0) }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(isMulti.count)
        var next = 0
        for (k, m) in isMulti.enumerated() {
            if m {
                guard let s = Unicode.Scalar(converted[next]) else { throw .malformed(.gb18030, offset: Int(offsets[k])) }
                scalars.append(s)
                next += 1
            } else {
                scalars.append(Unicode.Scalar(bytes[Int(offsets[k])]))
            }
        }
        return transcoded(scalars, offsets: offsets, encoding: .gb18030)
    }

    static func iconvToUTF32(_ input: [UInt8]) throws(DecodingError) -> [UInt32] {
        if input.isEmpty { return [] }
        guard let output = Iconv.convert(input, from: "GB18030", to: "UTF-32LE", capacity: input.count * 4 + 8) else {
            throw .malformed(.gb18030, offset: 0)
        }
        let written = output.count
        var result: [UInt32] = []
        result.reserveCapacity(written / 4)
        var k = 0
        while k + 3 < written {
            result.append(
                UInt32(output[k]) | UInt32(output[k + 1]) << 8 | UInt32(output[k + 2]) << 16
                    | UInt32(output[k + 3]) << 24)
            k += 4
        }
        return result
    }
}
