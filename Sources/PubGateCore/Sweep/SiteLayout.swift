import Foundation

/// How a site folder is laid out: a Hugo site (configured by a root `hugo.toml`/`config.toml`/… or
/// by `config/_default/`, read by ``HugoConfig`` as Hugo reads it) has its pages under its content
/// folders (`contentDir`, `content` by default) and its static files, and renders them into
/// `publishDir` (`public`); any other folder is a tree of pages.
///
/// Hugo leaves stale output in `public/` after a page is removed (docs/conventions.md §1.1.4), so a
/// purged page's rendered files are purged with it. The rendered output, the configuration, the
/// templates and a section's list page (`_index.md`, which lists other pages and expires with none
/// of them) are not pages the sweep judges.
public struct SiteLayout: Sendable {
    let root: String
    /// True when a Hugo configuration was found.
    let isHugo: Bool
    /// The render target relative to the root (`public`), for Hugo sites.
    let publishDir: String?
    /// The Hugo site's `title`, if any.
    let title: String?
    /// Folders of pages relative to the root (`content`, and each language's), for Hugo sites.
    let contentDirs: [String]
    /// The folder of files served as they are (`static`), for Hugo sites.
    let staticDir: String?

    /// Files that are pages (attachments, images and configuration are not judged on their own).
    public static let pageExtensions: Set<String> = ["md", "markdown", "html", "htm", "shtml", "xhtml", "xml", "txt"]

    public init(root: String) {
        self.root = root
        let config = HugoConfig.find(root: root)
        isHugo = config != nil
        publishDir = config?.publishDir
        title = config?.title
        contentDirs = config?.contentDirs ?? []
        staticDir = config?.staticDir
    }

    /// The path of `path` relative to the site root.
    func relative(_ path: String) -> String {
        let r = URL(fileURLWithPath: root).standardizedFileURL.path
        let p = URL(fileURLWithPath: path).standardizedFileURL.path
        return p.hasPrefix(r + "/") ? String(p.dropFirst(r.count + 1)) : p
    }

    /// Whether a file (relative path) is a page the sweep judges: pages by format; for a Hugo
    /// site only those under a content folder (list pages left out) or the static folder.
    func isPage(_ relative: String) -> Bool {
        guard Self.pageExtensions.contains((relative as NSString).pathExtension.lowercased()) else { return false }
        guard isHugo else { return true }
        if let publishDir, Self.path(relative, isIn: publishDir) { return false }
        if contentDirs.contains(where: { Self.path(relative, isIn: $0) }) { return HugoPageKind(path: relative) == .single }
        return staticDir.map { Self.path(relative, isIn: $0) } ?? false
    }

    /// Whether `relative` lies inside folder `dir` (both relative to the root).
    static func path(_ relative: String, isIn dir: String) -> Bool {
        dir == "." || relative.hasPrefix(dir + "/")
    }

    /// Where Hugo serves a file of the site: a content page in its folder (`dir`, relative to the
    /// published root) under its own name (`stem`; nil for a folder's `index`/`_index`), a static
    /// file at its path below the published root. Nil for any other file, or a site without Hugo.
    enum Served: Equatable {
        case page(dir: String, stem: String?)
        case file(String)
    }

    func served(_ relative: String) -> Served? {
        guard publishDir != nil else { return nil }
        if let content = contentDirs.first(where: { Self.path(relative, isIn: $0) }) {
            var rest = relative.dropFirst(content == "." ? 0 : content.count + 1).split(separator: "/").map(String.init)
            let stem = (rest.removeLast() as NSString).deletingPathExtension
            return .page(dir: rest.joined(separator: "/"), stem: stem == "index" || stem == "_index" ? nil : stem)
        }
        if let staticDir, Self.path(relative, isIn: staticDir) {
            return .file(String(relative.dropFirst(staticDir == "." ? 0 : staticDir.count + 1)))
        }
        return nil
    }

    /// Rendered files of a page that exist on disk (relative paths).
    func renderedOutputs(of relative: String) -> [String] {
        guard let publishDir, let served = served(relative) else { return [] }
        func joined(_ parts: String...) -> String { parts.filter { !$0.isEmpty }.joined(separator: "/") }
        let candidates: [String]
        switch served {
        case .page(let dir, nil): candidates = [joined(publishDir, dir, "index.html")]
        case .page(let dir, let stem?): candidates = [joined(publishDir, dir, stem, "index.html"), joined(publishDir, dir, stem + ".html")]
        case .file(let path): candidates = [publishDir + "/" + path]
        }
        return candidates.filter { FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent($0)) }
    }
}
