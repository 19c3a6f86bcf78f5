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
            let (v, length) = UTF8Bytes.scalar(at: i, in: utf8)
            let end = i + length
            let dropped = v == 0x23 || v == 0x300A || v == 0x300B || (Unicode.Scalar(v)?.isWhiteSpace ?? false)
            if !dropped { out.append(contentsOf: utf8[i..<end]) }
            i = end
        }
        return out
    }
}
