import PCRE2Kit

/// A glob on a path, as `paths.assets` lines and site sections are written: `*` matches within one
/// folder or file name, `?` one character, `**/` any number of folders (none included) and a
/// trailing `**` everything below; every other character stands for itself. The one glob
/// implementation of the settings: compiled once into a PCRE2 pattern.
struct PathGlob: Sendable {
    /// Where a match may start.
    enum Anchor: Sendable {
        /// At the start: the path is relative to the repository root (`paths` settings).
        case root
        /// At any folder boundary: the path may be absolute or relative to anywhere (site sections).
        case anyFolder
    }

    private let regex: PCRE2Regex?

    init(_ glob: String, anchor: Anchor = .root) {
        regex = try? PCRE2Regex(Self.pattern(glob: glob, anchor: anchor))
    }

    /// False when the glob's pattern did not compile (it then matches nothing); settings loading
    /// checks every glob (``SettingsValidation``), so a loaded configuration holds none.
    var compiles: Bool { regex != nil }

    /// True when the whole of `path` (`content/zwgk/a.md`) matches.
    func matches(_ path: String) -> Bool {
        guard let regex else { return false }
        return ((try? regex.firstMatch(in: Array(path.utf8))) ?? nil) != nil
    }

    /// The glob as a PCRE2 pattern, anchored as asked and at the end.
    static func pattern(glob: String, anchor: Anchor) -> String {
        var out = anchor == .root ? "^" : "(?:^|/)"
        let chars = Array(glob.hasPrefix("./") ? glob.dropFirst(2) : glob.drop { $0 == "/" })
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                if i < chars.count, chars[i] == "/" {
                    // `**/`: no folder, or any run of whole folders (`**/_index.md` is not `my_index.md`).
                    out += "(?:.*/)?"
                    i += 1
                } else {
                    out += ".*"
                }
                continue
            }
            switch c {
            case "*": out += "[^/]*"
            case "?": out += "[^/]"
            default: out += Rule.literal(String(c))
            }
            i += 1
        }
        return out + "$"
    }
}
