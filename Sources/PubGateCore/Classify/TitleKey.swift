import EncodingKit

/// A title as compared across documents and lines: no spaces, no Markdown heading marks, no 《》,
/// so `# 关于…的规定`, `《关于…的规定》` and `关于 …的规定` are the same title.
enum TitleKey {
    static func of(_ s: String) -> String {
        // By scalar, not Character: grapheme breaking made this a few percent of a review.
        let kept = s.unicodeScalars.lazy.filter { !$0.isWhiteSpace && $0 != "#" && $0 != "《" && $0 != "》" }
        return String(decoding: UTF8Bytes.encode(kept, capacity: s.utf8.count), as: UTF8.self)
    }

    /// `of` over valid UTF-8 (normalized text), giving bytes: the titles a document cites in 《》
    /// are keyed without making a string of each. Kept bytes are copied in runs; only an ASCII
    /// byte or a sequence led by C2, E1, E2 or E3 (where every dropped scalar beyond ASCII lies:
    /// White_Space, 《, 》) is looked at, and only those sequences are decoded.
    static func bytes(of utf8: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var kept = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            var dropped = 0
            if b < 0x80 {
                if b == 0x23 || Unicode.Scalar(b).isWhiteSpace { dropped = 1 }
            } else if b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 {
                let (v, length) = UTF8Bytes.scalar(at: i, in: utf8)
                if v == 0x300A || v == 0x300B || (Unicode.Scalar(v)?.isWhiteSpace ?? false) {
                    dropped = length
                } else {
                    i += length
                    continue
                }
            }
            guard dropped > 0 else {
                i += 1
                continue
            }
            out.append(contentsOf: utf8[kept..<i])
            i += dropped
            kept = i
        }
        out.append(contentsOf: utf8[kept..<min(i, utf8.endIndex)])
        return out
    }
}
