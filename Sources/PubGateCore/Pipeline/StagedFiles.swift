import Foundation

/// The files staged in a git repository's index, with their contents as staged (not as in the
/// working tree): what `pubgate check --staged` reviews.
///
/// Added, copied, modified and renamed paths (`git diff --cached --diff-filter=ACMR`); deletions
/// need no review. Contents come from the index blobs through one `git cat-file --batch`. Symbolic
/// links and submodules are skipped; Git LFS pointers are reported (the content is not there to
/// review).
public struct StagedFiles: Sendable {
    public struct File: Sendable {
        /// Repository-relative path.
        public let path: String
        public let bytes: [UInt8]
        public let isLFSPointer: Bool
    }

    public let root: String
    public let files: [File]

    public struct GitError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func read(in directory: String) throws(GitError) -> StagedFiles {
        let root = try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        let names = try git(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"], in: root)
            .split(separator: "\0").map(String.init)
        guard !names.isEmpty else { return StagedFiles(root: root, files: []) }
        // mode, blob id, stage and path of each staged entry.
        var entries: [(path: String, oid: String)] = []
        let listing = try git(["ls-files", "-s", "-z", "--"] + names, in: root)
        for record in listing.split(separator: "\0") {
            guard let tab = record.firstIndex(of: "\t") else { continue }
            let meta = record[..<tab].split(separator: " ")
            guard meta.count >= 2, meta[0] == "100644" || meta[0] == "100755" else { continue }
            entries.append((String(record[record.index(after: tab)...]), String(meta[1])))
        }
        let blobs = try catFile(entries.map(\.oid), in: root)
        let files = zip(entries, blobs).map { entry, bytes in
            File(path: entry.path, bytes: bytes, isLFSPointer: bytes.starts(with: Array("version https://git-lfs.github.com/spec/v1".utf8)))
        }
        return StagedFiles(root: root, files: files)
    }

    static func git(_ arguments: [String], in directory: String) throws(GitError) -> String {
        let r = Subprocess.git(arguments, in: directory)
        guard r.status == 0 else {
            throw GitError(description: "git \(arguments.first ?? ""): \(String(decoding: r.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return r.text
    }

    /// Blob contents by id, from one `git cat-file --batch` process.
    static func catFile(_ ids: [String], in root: String) throws(GitError) -> [[UInt8]] {
        guard !ids.isEmpty else { return [] }
        let r = Subprocess.git(["cat-file", "--batch"], in: root, input: Data((ids.joined(separator: "\n") + "\n").utf8))
        guard r.status == 0 else { throw GitError(description: "git cat-file: \(String(decoding: r.stderr, as: UTF8.self))") }
        var blobs: [[UInt8]] = []
        var i = 0
        let bytes = [UInt8](r.stdout)
        while i < bytes.count, blobs.count < ids.count {
            guard let newline = bytes[i...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[i..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else { throw GitError(description: "git cat-file: unexpected \(header.joined(separator: " "))") }
            let start = newline + 1
            blobs.append(Array(bytes[start..<min(start + size, bytes.count)]))
            i = start + size + 1
        }
        guard blobs.count == ids.count else { throw GitError(description: "git cat-file: \(blobs.count) of \(ids.count) blobs read") }
        return blobs
    }
}
