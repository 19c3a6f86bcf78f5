import Foundation

/// The address paths a page is served at, for finding what still links it after it is removed:
/// its rendered files (`public/a/b/index.html` → `/a/b/`, `public/a/b.html` → `/a/b.html`); for a
/// Hugo content page not rendered yet, the path Hugo would give it (`content/a/b.md` → `/a/b/`,
/// by the same mapping as its rendered files: ``SiteLayout/served(_:)``); a static file at its
/// path below the static folder; on a site that is a folder of pages, its own path.
enum PageURL {
    static func paths(of item: SweepItem, layout: SiteLayout) -> [String] {
        var out: Set<String> = []
        guard let publish = layout.publishDir else { return ["/" + item.sitePath] }
        for rendered in item.rendered where rendered.hasPrefix(publish + "/") {
            out.insert(normalized("/" + rendered.dropFirst(publish.count + 1)))
        }
        switch layout.served(item.sitePath) {
        case .page(let dir, let stem): out.insert(([""] + [dir, stem ?? ""].filter { !$0.isEmpty } + [""]).joined(separator: "/"))
        case .file(let path): out.insert(normalized("/" + path))
        case nil: break
        }
        return out.sorted()
    }

    /// A path as links are compared: percent-decoded, `.`/`..` resolved, `index.html` dropped.
    static func normalized(_ path: String) -> String {
        let decoded = path.removingPercentEncoding ?? path
        var segments: [Substring] = []
        for s in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if s == "." { continue }
            if s == ".." {
                _ = segments.popLast()
                continue
            }
            segments.append(s)
        }
        var result = "/" + segments.joined(separator: "/")
        if decoded.hasSuffix("/"), result != "/" { result += "/" }
        if result.hasSuffix("/index.html") || result.hasSuffix("/index.htm") {
            result = String(result[..<result.index(after: result.lastIndex(of: "/")!)])
        }
        return result
    }

    /// The path a link in a file served at `base` points to, nil for links that leave the site's
    /// paths (`mailto:`, `javascript:`, fragments) — a link to another host is compared by path too,
    /// since sitemaps and feeds write the site's own absolute addresses.
    static func resolve(_ link: String, base: String) -> String? {
        var l = link.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "&amp;", with: "&")
        guard !l.isEmpty, !l.hasPrefix("#"), !l.hasPrefix("mailto:"), !l.hasPrefix("javascript:"), !l.hasPrefix("data:"),
            !l.hasPrefix("tel:")
        else { return nil }
        if let cut = l.firstIndex(where: { $0 == "?" || $0 == "#" }) { l = String(l[..<cut]) }
        if let scheme = l.range(of: "://") {
            let rest = l[scheme.upperBound...]
            l = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        } else if l.hasPrefix("//") {
            let rest = l.dropFirst(2)
            l = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        } else if !l.hasPrefix("/") {
            let dir = base.hasSuffix("/") ? base : String(base[...base.lastIndex(of: "/")!])
            l = dir + l
        }
        return normalized(l)
    }

    /// True when `link` (resolved) reaches the page served at `path`, also under a base path
    /// (`/site/a/b/` reaches `/a/b/`) and without its trailing slash.
    static func reaches(_ link: String, _ path: String) -> Bool {
        let forms = link.hasSuffix("/") ? [link] : [link, link + "/"]
        return forms.contains { $0 == path || $0.hasSuffix(path) }
    }
}
