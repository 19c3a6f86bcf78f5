import Foundation

/// The documents of a review as blobs of a git tree, held in memory and never written anywhere:
/// the index (`pubgate check --staged`: what the commit will hold, not the working tree) or a
/// commit (`pubgate check --range A..B`: the files as the range left them). Names are paths from
/// the repository root, so baseline entries and path roles apply as they do to files.
///
/// Only regular files are documents (symbolic links and submodules are not listed); a linked
/// attachment is reviewed with its page when the same tree holds it, changed or not. Git LFS
/// pointers are listed apart: their content is not in the repository to review.
public struct GitTreeSource: DocumentSource {
    /// Which tree the blobs come from.
    public enum Tree: Sendable, Equatable {
        case index
        case commit(String)
    }

    public struct GitError: Error, CustomStringConvertible {
        public let description: String
    }

    public let root: RepositoryRoot?
    let tree: Tree
    /// Documents to review with their contents, in the order given.
    private let documents: [(path: String, bytes: [UInt8])]
    private let contents: [String: [UInt8]]
    /// Every regular file of the tree: path → blob id.
    private let blobs: [String: String]
    /// Paths given that are Git LFS pointers (not reviewed: refused by the caller).
    public let lfsPointers: [String]
    /// Paths given that the tree does not hold as regular files (links, submodules).
    let notFiles: [String]

    /// Reads the blobs of `paths` (from the repository root) in `tree` of the repository at `root`.
    public init(root: String, tree: Tree, paths: [String]) throws(GitError) {
        let repository = RepositoryRoot(path: root, isGit: true)
        self.root = repository
        self.tree = tree
        let listing: String
        switch tree {
        case .index: listing = try Self.git(["ls-files", "-s", "-z"], in: repository.path)
        case .commit(let commit): listing = try Self.git(["ls-tree", "-r", "-z", "--full-tree", commit], in: repository.path)
        }
        var blobs: [String: String] = [:]
        for record in listing.split(separator: "\0") {
            // ls-files: `mode oid stage\tpath`; ls-tree: `mode type oid\tpath`.
            guard let tab = record.firstIndex(of: "\t") else { continue }
            let meta = record[..<tab].split(separator: " ")
            guard meta.count >= 3, meta[0] == "100644" || meta[0] == "100755" else { continue }
            blobs[String(record[record.index(after: tab)...])] = String(tree == .index ? meta[1] : meta[2])
        }
        self.blobs = blobs
        let present = paths.filter { blobs[$0] != nil }
        notFiles = paths.filter { blobs[$0] == nil }
        let read = try Self.catFile(present.map { blobs[$0]! }, in: repository.path)
        let pointer = Array("version https://git-lfs.github.com/spec/v1".utf8)
        var documents: [(path: String, bytes: [UInt8])] = []
        var lfs: [String] = []
        for (path, bytes) in zip(present, read) {
            if bytes.starts(with: pointer) { lfs.append(path) } else { documents.append((path, bytes)) }
        }
        self.documents = documents
        lfsPointers = lfs
        contents = Dictionary(documents.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
    }

    /// The paths a commit would add or change (`git diff --cached`: added, copied, modified,
    /// renamed; deletions need no review), and the repository root.
    public static func stagedChanges(in directory: String) throws(GitError) -> (root: String, paths: [String]) {
        let root = try toplevel(of: directory)
        let names = try git(["diff", "--cached", "--name-only", "--no-ext-diff", "-z", "--diff-filter=ACMR"], in: root)
        return (root, names.split(separator: "\0").map(String.init))
    }

    /// The paths a range of commits (`A..B`, or `A...B` from their merge base) added or changed, as
    /// the range's last commit holds them; the commit is resolved to its id.
    public static func rangeChanges(_ range: String, in directory: String) throws(GitError) -> (root: String, commit: String, paths: [String]) {
        let root = try toplevel(of: directory)
        let separator = range.contains("...") ? "..." : ".."
        guard let cut = range.range(of: separator), !range.hasPrefix("-") else {
            throw GitError(description: "`\(range)` is not a range of commits: give FROM..TO (TO defaults to HEAD)")
        }
        let to = range[cut.upperBound...].isEmpty ? "HEAD" : String(range[cut.upperBound...])
        let resolved = ChildProcess.git(["rev-parse", "--verify", "--quiet", "--end-of-options", to + "^{commit}"], in: root)
        guard resolved.status == 0 else { throw GitError(description: "`\(to)` is not a commit of the repository at \(root)") }
        let commit = resolved.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let names = try git(["diff", "--name-only", "--no-ext-diff", "-z", "--diff-filter=ACMR", "--end-of-options", range], in: root)
        return (root, commit, names.split(separator: "\0").map(String.init))
    }

    public func collect() -> InputCollector.Inputs {
        InputCollector.Inputs(files: documents.map(\.path), sizes: documents.map(\.bytes.count))
    }

    public func read(_ name: String) -> RawInput? {
        let path = identity(of: name)
        if let bytes = contents[path] { return RawInput(path: name, bytes: bytes) }
        guard let oid = blobs[path], let root, let bytes = try? Self.catFile([oid], in: root.path).first else { return nil }
        return RawInput(path: name, bytes: bytes)
    }

    /// The path with `.` and `..` folded (`content/a/../files/x.pdf` → `content/files/x.pdf`).
    public func identity(of name: String) -> String {
        var parts: [Substring] = []
        for part in name.split(separator: "/") {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    public func isReviewable(attachment: String) -> Bool {
        blobs[identity(of: attachment)] != nil
    }

    public func repositoryPath(of name: String) -> String? {
        identity(of: name)
    }

    /// Staged content is blamed as it is staged (`--contents`, against HEAD); a commit's as of it.
    public func blame(_ name: String, line: Int) -> (author: String, date: String)? {
        guard let root else { return nil }
        let r: ChildProcess.Output
        switch tree {
        case .index:
            guard let bytes = contents[identity(of: name)] else { return nil }
            r = ChildProcess.git(["blame", "--porcelain", "-L", "\(line),\(line)", "--contents", "-", "--", name], in: root.path, input: bytes)
        case .commit(let commit):
            r = ChildProcess.git(["blame", "--porcelain", "-L", "\(line),\(line)", commit, "--", name], in: root.path)
        }
        return r.status == 0 ? Self.parseBlame(r.text) : nil
    }

    static func toplevel(of directory: String) throws(GitError) -> String {
        try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .newlines)
    }

    static func git(_ arguments: [String], in directory: String) throws(GitError) -> String {
        let r = ChildProcess.git(arguments, in: directory)
        guard r.status == 0 else {
            // git's first line says what is wrong; the rest is advice about its own command line.
            let message = String(decoding: r.stderr, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(r.status)"
            throw GitError(description: "git \(arguments.first ?? ""): \(message)")
        }
        return r.text
    }

    /// Blob contents by id, from one `git cat-file --batch` process.
    static func catFile(_ ids: [String], in root: String) throws(GitError) -> [[UInt8]] {
        guard !ids.isEmpty else { return [] }
        let r = ChildProcess.git(["cat-file", "--batch"], in: root, input: Array((ids.joined(separator: "\n") + "\n").utf8))
        guard r.status == 0 else { throw GitError(description: "git cat-file: \(String(decoding: r.stderr, as: UTF8.self))") }
        var blobs: [[UInt8]] = []
        var i = 0
        let bytes = [UInt8](r.stdout)
        while i < bytes.count, blobs.count < ids.count {
            guard let newline = bytes[i...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[i..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else {
                throw GitError(description: "git cat-file: unexpected \(header.joined(separator: " "))")
            }
            let start = newline + 1
            blobs.append(Array(bytes[start..<min(start + size, bytes.count)]))
            i = start + size + 1
        }
        guard blobs.count == ids.count else { throw GitError(description: "git cat-file: \(blobs.count) of \(ids.count) blobs read") }
        return blobs
    }
}
