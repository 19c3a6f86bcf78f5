import EncodingKit

/// The front matter block at the top of a Markdown file (or of a Hugo HTML content file), found
/// the way Hugo finds it: YAML between `---` lines, TOML between `+++` lines, or a JSON object
/// starting with `{` at the top of the file.
struct FrontMatterBlock {
    enum Syntax: String {
        case yaml = "YAML"
        case toml = "TOML"
        case json = "JSON"
    }
    let syntax: Syntax
    /// Scalar range of the whole block, fences and the line break after the closing one included.
    let range: Range<Int>
    /// Scalar range of what the parser reads: the lines between the fences, or the JSON object.
    let contentRange: Range<Int>
    let content: String

    /// Whether `utf8` starts the way a block does (`{`, `---`, `+++`): only then are its scalars
    /// decoded for ``locate(in:)``.
    static func mayStart(_ utf8: [UInt8]) -> Bool {
        utf8.first == 0x7B || utf8.starts(with: [0x2D, 0x2D, 0x2D]) || utf8.starts(with: [0x2B, 0x2B, 0x2B])
    }

    static func locate(in scalars: [Unicode.Scalar]) -> FrontMatterBlock? {
        if scalars.first == "{" { return locateJSON(in: scalars) }
        let fence: [Unicode.Scalar]
        let syntax: Syntax
        if scalars.starts(with: Array("---".unicodeScalars)) {
            (fence, syntax) = (Array("---".unicodeScalars), .yaml)
        } else if scalars.starts(with: Array("+++".unicodeScalars)) {
            (fence, syntax) = (Array("+++".unicodeScalars), .toml)
        } else {
            return nil
        }
        var lineStart = 0
        var contentStart: Int?
        var i = 0
        while i <= scalars.count {
            if i == scalars.count || scalars[i] == "\n" {
                var line = scalars[lineStart..<i]
                if line.last == "\r" { line.removeLast() }
                if let contentStart {
                    guard line.elementsEqual(fence) || (syntax == .yaml && line.elementsEqual("...".unicodeScalars)) else {
                        lineStart = i + 1
                        i += 1
                        continue
                    }
                    let contentRange = contentStart..<max(contentStart, lineStart)
                    let end = min(i + 1, scalars.count)
                    return FrontMatterBlock(
                        syntax: syntax, range: 0..<end, contentRange: contentRange, content: UTF8Bytes.string(scalars[contentRange]))
                }
                guard line.elementsEqual(fence) else { return nil }
                contentStart = i + 1
                lineStart = i + 1
            }
            i += 1
        }
        return nil
    }

    /// A JSON object at the top of the file: the block ends at its closing brace (strings
    /// skipped), and the rest of that line. `{{` is a Hugo shortcode, not front matter.
    private static func locateJSON(in scalars: [Unicode.Scalar]) -> FrontMatterBlock? {
        guard scalars.count > 1, scalars[1] != "{" else { return nil }
        var depth = 0
        var inString = false
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if inString {
                if s == "\\" { i += 1 } else if s == "\"" { inString = false }
            } else if s == "\"" {
                inString = true
            } else if s == "{" {
                depth += 1
            } else if s == "}" {
                depth -= 1
                if depth == 0 {
                    var end = i + 1
                    while end < scalars.count, scalars[end] != "\n" { end += 1 }
                    let contentRange = 0..<(i + 1)
                    return FrontMatterBlock(
                        syntax: .json, range: 0..<min(end + 1, scalars.count), contentRange: contentRange,
                        content: UTF8Bytes.string(scalars[contentRange]))
                }
            }
            i += 1
        }
        return nil
    }
}

extension FrontMatterBlock {
    /// The block's text for the scan, its fields, and a `format` finding (fix) when the block does
    /// not parse: a malformed block is read as written, never dropped, never a crash.
    func read(_ scalars: [Unicode.Scalar]) -> (segments: [TextSegment], fields: [String: String], problem: Finding?) {
        do {
            let content = try FrontMatterContent(self)
            return (FrontMatterText(scalars: scalars, block: self).segments(content), content.fields, nil)
        } catch {
            let problem = Finding(
                ruleID: "front_matter_malformed", kind: .format, severity: .fix,
                text: Message("front_matter_malformed", ["syntax": syntax.rawValue, "reason": error.summary]), part: .frontMatter)
            return (FrontMatterText(scalars: scalars, block: self).segments(nil), [:], problem)
        }
    }
}
