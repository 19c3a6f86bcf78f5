/// Whether bytes read as GB18030 are Chinese text, or another encoding that happens to parse.
///
/// GB18030 accepts most byte sequences, so "it decodes" proves nothing: UTF-16 without a
/// byte-order mark, Big5 or a damaged file often decode, into rare characters in which no secret
/// mark or identifier is ever found. Chinese text in GBK or GB18030 is almost entirely GB2312
/// characters (lead byte A1–F7, trail A1–FE: every eval and sample file here, 100 %); a few rare
/// characters in names are allowed, one in ten at most. C0 control bytes other than tab, line
/// and page breaks and ESC do not occur in text at all.
struct GB18030Plausibility {
    /// Two- and four-byte units, and those of them in the GB2312 area.
    private(set) var multiByte = 0
    private(set) var common = 0
    private(set) var controls = 0

    init(_ bytes: [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { controls += 1 }
                i += 1
                continue
            }
            multiByte += 1
            guard i + 1 < n else { break }
            let trail = bytes[i + 1]
            if (0x30...0x39).contains(trail) {
                i += 4
                continue
            }
            if (0xA1...0xF7).contains(b), (0xA1...0xFE).contains(trail) { common += 1 }
            i += 2
        }
    }

    var isChineseText: Bool {
        controls == 0 && (multiByte - common) * 10 <= multiByte
    }

    /// The offset of the first byte that starts no GB18030 unit (the structure
    /// ``TextDecoder/decodeGB18030(_:)`` checks before converting), or nil.
    static func firstMalformedUnit(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard b >= 0x81 && b <= 0xFE, i + 1 < n else { return i }
            let b2 = bytes[i + 1]
            if (0x40...0x7E).contains(b2) || (0x80...0xFE).contains(b2) {
                i += 2
            } else if (0x30...0x39).contains(b2), i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                i += 4
            } else {
                return i
            }
        }
        return nil
    }

    /// Whether the bytes read as UTF-16 (either order) are mostly CJK ideographs and punctuation:
    /// said in the message, so the author knows what to fix.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return false }
        for bigEndian in [false, true] {
            var cjk = 0
            var units = 0
            var i = 0
            while i + 1 < bytes.count, units < 4096 {
                let unit = bigEndian ? Int(bytes[i]) << 8 | Int(bytes[i + 1]) : Int(bytes[i + 1]) << 8 | Int(bytes[i])
                if (0x4E00...0x9FFF).contains(unit) || (0x3000...0x303F).contains(unit) || (0xFF00...0xFFEF).contains(unit) { cjk += 1 }
                units += 1
                i += 2
            }
            if cjk * 2 >= units { return true }
        }
        return false
    }
}
