import Foundation

/// The attachments (附件) an HTML page or a Markdown file links to: `<a href="files/名单.xlsx">`,
/// `[名单](files/名单.xlsx)`. They are published with the page, so they are reviewed with it.
///
/// Only relative links to document files count (no scheme, not a fragment, not site-absolute
/// `/files/…`, which needs the site's root); images are part of the page's layout and are reviewed
/// only when they are in the reviewed tree.
public enum AttachmentLinks {
    /// Extensions of files a page offers for download.
    public static let extensions: Set<String> = [
        "doc", "docx", "docm", "wps", "xls", "xlsx", "xlsm", "et", "csv", "odt", "ods", "ofd", "pdf", "txt", "zip", "rar", "7z",
    ]

    /// The attachments `document` (read from `path`) links, as paths beside `path`'s own
    /// (`Samples/drafts/files/名单.xlsx`), in order of appearance and without repeats.
    public static func paths(in document: IngestedDocument, at path: String) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        var out: [String] = []
        for target in targets(in: document) {
            var parts = folder.isEmpty ? [] : folder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            for component in target.split(separator: "/") {
                if component == "." { continue }
                if component == "..", let last = parts.last, last != "..", !last.isEmpty { parts.removeLast() } else { parts.append(String(component)) }
            }
            let joined = parts.joined(separator: "/")
            if !out.contains(joined) { out.append(joined) }
        }
        return out
    }

    /// Link targets in the document that name attachments, percent-decoded, without query or
    /// fragment, in order of appearance and without repeats.
    static func targets(in document: IngestedDocument) -> [String] {
        guard document.format == .html || document.format == .markdown, let text = document.decoded?.string else { return [] }
        var found: [String] = []
        for raw in candidates(in: text) {
            var target = raw.trimmingCharacters(in: .whitespaces)
            if let cut = target.firstIndex(where: { $0 == "?" || $0 == "#" }) { target = String(target[..<cut]) }
            target = target.removingPercentEncoding ?? target
            guard !target.isEmpty, !target.hasPrefix("/"), !target.contains("://"), !target.lowercased().hasPrefix("mailto:"),
                !target.lowercased().hasPrefix("javascript:"), !target.lowercased().hasPrefix("data:"),
                extensions.contains((target as NSString).pathExtension.lowercased()), !found.contains(target)
            else { continue }
            found.append(target)
        }
        return found
    }

    /// Values of `href=`/`src=` attributes (quoted or not) and Markdown link targets `](…)`.
    static func candidates(in text: String) -> [String] {
        var out: [String] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        while i < scalars.count {
            if scalars[i] == "]", i + 1 < scalars.count, scalars[i + 1] == "(" {
                var j = i + 2
                while j < scalars.count, scalars[j] != ")", scalars[j] != "\n", scalars[j] != " " { j += 1 }
                out.append(string((i + 2)..<j))
                i = j
                continue
            }
            for key in ["href=", "src="] where Self.matches(key, scalars, at: i) {
                var j = i + key.unicodeScalars.count
                let quote = j < scalars.count && (scalars[j] == "\"" || scalars[j] == "'") ? scalars[j] : nil
                if quote != nil { j += 1 }
                let start = j
                while j < scalars.count, scalars[j] != "\n", quote.map({ scalars[j] != $0 }) ?? (scalars[j] != " " && scalars[j] != ">") {
                    j += 1
                }
                out.append(string(start..<j))
            }
            i += 1
        }
        return out
    }

    private static func matches(_ key: String, _ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        let k = Array(key.unicodeScalars)
        guard i + k.count <= scalars.count, i == 0 || !scalars[i - 1].properties.isAlphabetic else { return false }
        for (n, s) in k.enumerated() where scalars[i + n].properties.lowercaseMapping != String(s) { return false }
        return true
    }
}
