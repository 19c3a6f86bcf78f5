/// A title as compared across documents and lines: no spaces, no Markdown heading marks, no 《》,
/// so `# 关于…的规定`, `《关于…的规定》` and `关于 …的规定` are the same title.
enum TitleKey {
    static func of(_ s: String) -> String {
        String(s.filter { !$0.isWhitespace && $0 != "#" && $0 != "《" && $0 != "》" })
    }
}
