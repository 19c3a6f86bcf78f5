import Crypto
import Foundation

/// The state of a site a plan was made from: the git commit of its work tree (when it is one, and
/// whether tracked files had uncommitted changes) and a SHA-256 over every page the sweep judges
/// and the Hugo configuration. `sweep --apply PLAN` refuses a plan whose site is no longer in it.
struct SiteState: Sendable, Codable, Equatable {
    let gitCommit: String?
    let gitDirty: Bool?
    /// SHA-256 of the lines `<sha256>  <relative path>` of every file below, sorted by path.
    let contentSHA256: String
    let files: Int

    /// Hashes the site's page files (as the sweep collects them: `pages`, absolute paths) and its
    /// Hugo configuration, and asks git for the commit. `digests` (absolute path → SHA-256) are the
    /// hashes a run already made while reading the pages: those files are not read again.
    static func capture(layout: SiteLayout, pages: [String], digests: [String: String] = [:]) -> SiteState {
        var lines: [String] = []
        let configs = HugoConfig.files(root: layout.root).map { (layout.root as NSString).appendingPathComponent($0) }
        for path in pages + configs {
            let digest = digests[path] ?? Self.digest(of: path) ?? "unreadable"
            lines.append("\(digest)  \(layout.relative(path))\n")
        }
        lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let content = Hex.encode(SHA256.hash(data: Array(lines.joined().utf8)))
        let head = ChildProcess.git(["rev-parse", "--verify", "HEAD"], in: layout.root)
        guard head.status == 0 else { return SiteState(gitCommit: nil, gitDirty: nil, contentSHA256: content, files: lines.count) }
        let status = ChildProcess.git(["status", "--porcelain", "--untracked-files=no", "--", "."], in: layout.root)
        return SiteState(
            gitCommit: head.text.trimmingCharacters(in: .whitespacesAndNewlines), gitDirty: status.status != 0 || !status.stdout.isEmpty,
            contentSHA256: content, files: lines.count)
    }

    /// SHA-256 (hex) of each readable file of `paths`, read once: the plan check and the plan's
    /// items both compare against these.
    static func digests(of paths: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for path in paths { out[path] = digest(of: path) }
        return out
    }

    private static func digest(of path: String) -> String? {
        FileManager.default.contents(atPath: path).map { Hex.encode(SHA256.hash(data: $0)) }
    }

    /// Why the site is no longer in the state `planned` recorded, nil when it is.
    func change(since planned: SiteState) -> String? {
        if planned.gitCommit != gitCommit {
            return "the site's git commit is \(gitCommit ?? "none"), the plan was made at \(planned.gitCommit ?? "none")"
        }
        if planned.contentSHA256 != contentSHA256 {
            return "the site's pages changed since the plan was made (\(planned.files) files then, \(files) now)"
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case gitCommit = "git_commit"
        case gitDirty = "git_dirty"
        case contentSHA256 = "content_sha256"
        case files
    }
}
