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
    /// are keyed without making a string of each.
    static func bytes(of utf8: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let end = min(i + length, utf8.endIndex)
            var v = length == 1 ? UInt32(b) : UInt32(b) & (0xFF >> (length + 1))
            for k in (i + 1)..<end { v = v << 6 | UInt32(utf8[k] & 0x3F) }
            let dropped = v == 0x23 || v == 0x300A || v == 0x300B || (Unicode.Scalar(v)?.isWhiteSpace ?? false)
            if !dropped { out.append(contentsOf: utf8[i..<end]) }
            i = end
        }
        return out
    }
}
