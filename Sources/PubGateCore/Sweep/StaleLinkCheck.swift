import Foundation

/// After pages are removed and the site rebuilt: which files of the rendered site still link a
/// removed page — the sitemap, RSS and Atom feeds, section and taxonomy lists, alias redirects, a
/// search index. Hugo does not delete stale output, and a rebuild that failed or skipped a list
/// leaves them behind; each one is reported (file, the removed page, the link).
public struct StaleLinkCheck {
    public struct Link: Sendable, Equatable {
        /// The rendered file, relative to the site root.
        public let file: String
        /// The removed page it links (its site path).
        public let page: String
        /// The link as written.
        public let link: String
    }

    static let extensions: Set<String> = ["html", "htm", "xhtml", "xml", "rss", "atom", "json"]

    /// Files under `output` (relative to the site root) linking any of `removed`; files larger than
    /// 64 MiB are skipped (a sitemap index splits before that).
    static func run(root: String, output: String, removed: [SweepItem], layout: SiteLayout) -> [Link] {
        var targets: [(path: String, page: String)] = []
        for item in removed {
            for path in PageURL.paths(of: item, layout: layout) { targets.append((path, item.sitePath)) }
        }
        guard !targets.isEmpty else { return [] }
        let folder = (root as NSString).appendingPathComponent(output)
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [Link] = []
        for case let relative as String in walker where extensions.contains((relative as NSString).pathExtension.lowercased()) {
            let full = (folder as NSString).appendingPathComponent(relative)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: full),
                (attributes[.type] as? FileAttributeType) == .typeRegular, ((attributes[.size] as? Int) ?? 0) <= 64 << 20,
                let data = FileManager.default.contents(atPath: full)
            else { continue }
            let base = PageURL.normalized("/" + relative)
            var seen: Set<String> = []
            for link in links(in: Array(String(decoding: data, as: UTF8.self).utf8)) where seen.insert(link).inserted {
                guard let resolved = PageURL.resolve(link, base: base) else { continue }
                for target in targets where PageURL.reaches(resolved, target.path) {
                    found.append(Link(file: output + "/" + relative, page: target.page, link: link))
                    break
                }
            }
        }
        return found.sorted { ($0.file, $0.page) < ($1.file, $1.page) }
    }

    /// Every link-like value in a rendered file: attributes, feed and sitemap elements, JSON fields.
    static func links(in text: [UInt8]) -> [String] {
        var out: [String] = []
        let patterns = LinePatterns.shared
        for pattern in [patterns.renderedLinkAttribute, patterns.renderedLinkElement, patterns.renderedLinkField] {
            try? pattern.regex.forEachMatch(in: text, validUTF8: true) { groups in
                if let r = groups.dropFirst().compactMap({ $0 }).first { out.append(String(decoding: text[r], as: UTF8.self)) }
                return true
            }
        }
        return out
    }
}
