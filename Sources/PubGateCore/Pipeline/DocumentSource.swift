import Foundation

/// Where the documents of a review come from: files on disk (``FileSource``) or the blobs of a git
/// tree held in memory (``GitTreeSource``: the staged index, a commit). The pipeline asks the
/// source for everything that depends on where a document lives, so staged content is reviewed
/// without being written anywhere.
public protocol DocumentSource: Sendable {
    /// The repository root the documents belong to (settings, baseline, path roles), if any.
    var root: RepositoryRoot? { get }
    /// The documents to review in order (their names; reports show them as ``DisplayPath``), their
    /// sizes in bytes, the names that could not be used and what was left out on purpose.
    func collect() -> InputCollector.Inputs
    /// A document's bytes; nil when it cannot be read.
    func read(_ name: String) -> RawInput?
    /// What makes two names of one file equal (resolved links for files).
    func identity(of name: String) -> String
    /// True when an attachment a page links (a name beside the page's) exists where it is reviewed
    /// with the page: inside a reviewed folder, or in the same tree.
    func isReviewable(attachment: String) -> Bool
    /// The path from the repository root (`content/zwgk/a.md`) that baseline entries and path
    /// roles are written with; nil outside the root.
    func repositoryPath(of name: String) -> String?
    /// Who wrote `line` of a document and when (ISO 8601), from `git blame`; nil when not in git.
    func blame(_ name: String, line: Int) -> (author: String, date: String)?
}

extension DocumentSource {
    /// Author and time of the first `git blame --porcelain` record; a line not committed yet (the
    /// all-zero commit: git names the author "Not Committed Yet", or "External file" for content
    /// given with `--contents`) is reported as such.
    static func parseBlame(_ output: String) -> (author: String, date: String)? {
        var author: String?
        var date: String?
        let lines = output.split(separator: "\n")
        if let first = lines.first, first.hasPrefix(String(repeating: "0", count: 40)) { author = "Not Committed Yet" }
        for l in lines {
            if l.hasPrefix("author "), author == nil { author = String(l.dropFirst(7)) }
            if l.hasPrefix("author-time "), date == nil, let t = Double(l.dropFirst(12)) {
                date = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: t))
            }
        }
        guard let author, let date else { return nil }
        return (author, date)
    }
}
