/// Writes a new 有效性 into a page's front matter (`validity:` / `有效性:` in YAML, `validity =` in
/// TOML), leaving every other byte as it was. Pages without such a field (legacy CMS HTML) are
/// not edited: their label lives in the CMS, and relabel.json lists them for it.
enum FrontMatterRelabel {
    /// The page with its validity value replaced by `label`, or nil when it has no front matter
    /// validity field (or is not UTF-8).
    static func relabel(_ bytes: [UInt8], to label: String) -> [UInt8]? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard let block = FrontMatterBlock.locate(in: scalars) else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[block.range])
        let front = String(view)
        // Split on the line feed scalar: as a Character, "\r\n" is one and would not split.
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for s in front.unicodeScalars {
            if s == "\n" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(s)
            }
        }
        lines.append(String(current))
        var changed = false
        for (i, line) in lines.enumerated() {
            guard let c = line.captures(\.frontMatterValidity), let indent = c[1], let key = c[2], let sep = c[3]
            else { continue }
            lines[i] = indent + key + sep + "\"" + label + "\"" + (c[5] ?? "")
            changed = true
            break
        }
        guard changed else { return nil }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[block.range.upperBound...])
        return Array((lines.joined(separator: "\n") + String(rest)).utf8)
    }
}
