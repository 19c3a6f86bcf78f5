import Foundation

/// How a site folder is laid out: a Hugo site (a `hugo.toml`/`config.toml`/… at the root) has its
/// pages under `content/` and `static/`, and renders them into `public/` (or `publishDir`); any
/// other folder is a tree of pages.
///
/// Hugo leaves stale output in `public/` after a page is removed (conventions.md §1.1.4), so a
/// purged page's rendered files are purged with it.
public struct SiteLayout: Sendable {
    public let root: String
    /// True when a Hugo configuration was found.
    public let isHugo: Bool
    /// The render target relative to the root (`public`), for Hugo sites.
    public let publishDir: String?
    /// The Hugo site's `title`, if any.
    public let title: String?

    static let hugoConfigs = ["hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json"]
    /// Files that are pages (attachments, images and configuration are not judged on their own).
    public static let pageExtensions: Set<String> = ["md", "markdown", "html", "htm", "shtml", "xhtml", "xml", "txt"]
    /// Hugo folders that hold no pages.
    static let hugoNonContent: Set<String> = ["layouts", "themes", "archetypes", "assets", "data", "i18n", "resources"]

    public init(root: String) {
        self.root = root
        let fm = FileManager.default
        let config = Self.hugoConfigs.first { fm.fileExists(atPath: (root as NSString).appendingPathComponent($0)) }
        isHugo = config != nil
        var publish = "public"
        var title: String?
        if let config, let text = try? String(contentsOfFile: (root as NSString).appendingPathComponent(config), encoding: .utf8) {
            if let value = text.firstMatch(#"(?m)^\s*"?publishDir"?\s*[=:]\s*"?([^"\s]+)"?"#) { publish = value }
            title = text.firstMatch(#"(?m)^\s*"?title"?\s*[=:]\s*"([^"]+)""#)
        }
        publishDir = isHugo ? publish : nil
        self.title = title
    }

    /// The path of `path` relative to the site root.
    public func relative(_ path: String) -> String {
        let r = URL(fileURLWithPath: root).standardizedFileURL.path
        let p = URL(fileURLWithPath: path).standardizedFileURL.path
        return p.hasPrefix(r + "/") ? String(p.dropFirst(r.count + 1)) : p
    }

    /// Whether a file (relative path) is a page the sweep judges: pages by format, not the
    /// configuration, templates or rendered output of a Hugo site.
    public func isPage(_ relative: String) -> Bool {
        guard Self.pageExtensions.contains((relative as NSString).pathExtension.lowercased()) else { return false }
        guard isHugo else { return true }
        let top = relative.split(separator: "/").first.map(String.init) ?? relative
        if top == publishDir || Self.hugoNonContent.contains(top) { return false }
        return relative.contains("/")
    }

    /// Rendered files of a page that exist on disk (relative paths).
    public func renderedOutputs(of relative: String) -> [String] {
        guard let publishDir else { return [] }
        var candidates: [String] = []
        let parts = relative.split(separator: "/").map(String.init)
        if parts.first == "content", parts.count >= 2 {
            var rest = Array(parts.dropFirst())
            let file = rest.removeLast()
            let stem = (file as NSString).deletingPathExtension
            let dir = rest.joined(separator: "/")
            if stem == "index" || stem == "_index" {
                candidates.append([publishDir, dir, "index.html"].filter { !$0.isEmpty }.joined(separator: "/"))
            } else {
                candidates.append([publishDir, dir, stem, "index.html"].filter { !$0.isEmpty }.joined(separator: "/"))
                candidates.append([publishDir, dir, stem + ".html"].filter { !$0.isEmpty }.joined(separator: "/"))
            }
        } else if parts.first == "static", parts.count >= 2 {
            candidates.append(([publishDir] + parts.dropFirst()).joined(separator: "/"))
        }
        return candidates.filter { FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent($0)) }
    }
}
