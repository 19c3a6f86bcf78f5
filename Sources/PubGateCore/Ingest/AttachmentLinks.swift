import EncodingKit
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
    static func paths(in document: IngestedDocument, at path: String) -> [String] {
        let folder = (path as NSString).deletingLastPathComponent
        var out: [String] = []
        for target in targets(in: document) {
            var parts = folder.isEmpty ? [] : folder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            for component in target.split(separator: "/") {
                if component == "." { continue }
                if component == "..", let last = parts.last, last != "..", !last.isEmpty {
                    parts.removeLast()
                } else {
                    parts.append(String(component))
                }
            }
            let joined = parts.joined(separator: "/")
            if !out.contains(joined) { out.append(joined) }
        }
        return out
    }

    /// Link targets in the document that name attachments, percent-decoded, without query or
    /// fragment, in order of appearance and without repeats.
    static func targets(in document: IngestedDocument) -> [String] {
        guard document.format == .html || document.format == .markdown, let decoded = document.decoded else { return [] }
        var found: [String] = []
        for raw in candidates(in: decoded.utf8) {
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

    /// Values of `href=`/`src=` attributes (quoted or not, any case, not inside a longer name such as
    /// `data-href`) and Markdown link targets `](…)`. Every page is searched, so this costs one pass
    /// over its bytes (a version that made strings per character was a third of a review). Every
    /// byte compared is ASCII, and a byte of a multi-byte character (0x80 and up) is a name character.
    static func candidates(in text: [UInt8]) -> [String] {
        let keys: [[UInt8]] = [Array("href=".utf8), Array("src=".utf8)]
        let bytes = text.span
        let n = bytes.count
        var out: [String] = []
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func isNameCharacter(_ b: UInt8) -> Bool { b >= 0x80 || b == 0x2D || b == 0x5F || (lower(b) >= 0x61 && lower(b) <= 0x7A) }
        func hasKey(_ key: [UInt8], at i: Int) -> Bool {
            guard i + key.count <= n, i == 0 || !isNameCharacter(bytes[i - 1]) else { return false }
            for k in key.indices where lower(bytes[i + k]) != key[k] { return false }
            return true
        }
        var i = 0
        while i < n {
            // Most bytes start nothing: passed over eight at a time (`]`, folded, is `}`; `h`, `s`).
            i = UTF8Bytes.firstFolded((0x7D, 0x68, 0x73), in: bytes, from: i)
            guard i < n else { break }
            let b = bytes[i]
            let folded = b | 0x20
            if b == 0x5D, i + 1 < n, bytes[i + 1] == 0x28 {  // ](
                var j = i + 2
                while j < n, bytes[j] != 0x29, bytes[j] != 0x0A, bytes[j] != 0x20 { j += 1 }
                out.append(String(decoding: text[(i + 2)..<j], as: UTF8.self))
                i = j
                continue
            }
            if folded == 0x68 || folded == 0x73 {  // h, s
                for key in keys where hasKey(key, at: i) {
                    var j = i + key.count
                    let quote: UInt8? = j < n && (bytes[j] == 0x22 || bytes[j] == 0x27) ? bytes[j] : nil
                    if quote != nil { j += 1 }
                    let start = j
                    while j < n, bytes[j] != 0x0A, quote.map({ bytes[j] != $0 }) ?? (bytes[j] != 0x20 && bytes[j] != 0x3E) { j += 1 }
                    out.append(String(decoding: text[start..<j], as: UTF8.self))
                }
            }
            i += 1
        }
        return out
    }
}
