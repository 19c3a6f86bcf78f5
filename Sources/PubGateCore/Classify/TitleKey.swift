import EncodingKit
/// A title as compared across documents and lines: no spaces, no Markdown heading marks, no 《》,
/// so `# 关于…的规定`, `《关于…的规定》` and `关于 …的规定` are the same title.
enum TitleKey {
    static func of(_ s: String) -> String {
        // By scalar, not Character: grapheme breaking made this a few percent of a review.
        let kept = s.unicodeScalars.lazy.filter { !$0.isWhiteSpace && $0 != "#" && $0 != "《" && $0 != "》" }
        return String(decoding: UTF8Bytes.encode(kept, capacity: s.utf8.count), as: UTF8.self)
    }
}
