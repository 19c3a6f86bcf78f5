/// A Hugo shortcode tag in a page's text: `{{< figure src="a.jpg" alt="…" >}}`,
/// `{{% notice warning %}}`, `{{< /notice >}}`.
///
/// Hugo replaces the tag with the shortcode's output before Markdown is rendered, so the tag is not
/// Markdown: its parameters are what it serves (an `alt`, a `title`, a caption, a link) and are
/// scanned as attribute text; the content between an opening and a closing tag stays in the page
/// and is read as the page's text. `{{</* … */>}}` is Hugo's way of writing a tag as text; it is
/// left to the page.
struct HugoShortcode: Equatable {
    /// Scalar range of the whole tag, delimiters included.
    let range: Range<Int>
    /// Scalar ranges of the parameter values, quotes excluded.
    let parameters: [Range<Int>]

    /// The longest tag read: an unclosed `{{<` is text, not the start of a tag that runs to the end.
    static let maxLength = 4096

    /// Every tag in `scalars[range]`, in order.
    static func all(in scalars: [Unicode.Scalar], range: Range<Int>) -> [HugoShortcode] {
        var found: [HugoShortcode] = []
        var i = range.lowerBound
        while i + 2 < range.upperBound {
            if scalars[i] == "{", scalars[i + 1] == "{", scalars[i + 2] == "<" || scalars[i + 2] == "%",
                let tag = read(scalars, at: i, limit: range.upperBound)
            {
                found.append(tag)
                i = tag.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// The tag opening at `start` (`{{<` or `{{%`), or nil when none does.
    private static func read(_ s: [Unicode.Scalar], at start: Int, limit: Int) -> HugoShortcode? {
        // `{{<` closes with `>}}`, `{{%` with `%}}`.
        let delimiter: Unicode.Scalar = s[start + 2] == "<" ? ">" : "%"
        let end = min(limit, start + maxLength)
        var i = start + 3
        func skipSpace() { while i < end, s[i].isWhiteSpace { i += 1 } }
        skipSpace()
        // `{{</* … */>}}` writes a tag as text.
        if i + 1 < end, s[i] == "/", s[i + 1] == "*" { return nil }
        if i < end, s[i] == "/" { i += 1 }
        // The name.
        let nameStart = i
        while i < end, !s[i].isWhiteSpace, !(s[i] == delimiter && i + 2 < end && s[i + 1] == "}" && s[i + 2] == "}") { i += 1 }
        guard i > nameStart else { return nil }
        var parameters: [Range<Int>] = []
        while true {
            skipSpace()
            guard i < end else { return nil }
            if s[i] == "/", i + 1 < end, s[i + 1] == delimiter { i += 1 }
            if s[i] == delimiter, i + 2 < end, s[i + 1] == "}", s[i + 2] == "}" {
                return HugoShortcode(range: start..<(i + 3), parameters: parameters)
            }
            // `name=value` or a positional value; the value is quoted, raw (backquotes) or bare.
            var tokenStart = i
            while i < end, !s[i].isWhiteSpace, s[i] != "=", s[i] != "\"", s[i] != "`",
                !(s[i] == delimiter && i + 2 < end && s[i + 1] == "}")
            {
                i += 1
            }
            if i < end, s[i] == "=" {
                i += 1
                tokenStart = i
            }
            guard i < end else { return nil }
            if s[i] == "\"" || s[i] == "`" {
                let quote = s[i]
                let valueStart = i + 1
                i += 1
                while i < end, s[i] != quote {
                    if quote == "\"", s[i] == "\\" { i += 1 }
                    i += 1
                }
                guard i < end else { return nil }
                parameters.append(valueStart..<i)
                i += 1
            } else {
                while i < end, !s[i].isWhiteSpace, !(s[i] == delimiter && i + 2 < end && s[i + 1] == "}" && s[i + 2] == "}") { i += 1 }
                if i > tokenStart { parameters.append(tokenStart..<i) }
            }
        }
    }
}
