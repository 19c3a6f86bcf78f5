import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Expands the paths a user gave into the list of files to review, in a stable order.
///
/// Folders are walked recursively. Hidden entries (`.git`, `.pubgate`) are skipped; symbolic links
/// are followed only when they resolve inside the folder being walked, so a link cannot pull files
/// from outside the reviewed tree. A path that does not exist is reported, not ignored. Folders
/// given in `excluding` (the run's own output folder) are not walked, so a review of `.` with
/// `--out out` does not review its previous manifests.
public struct InputCollector: Sendable {
    /// A path the collector could not use, with the reason.
    public struct Problem: Sendable, Equatable {
        public let path: String
        public let reason: String
        /// True for paths deliberately not followed (links out of the tree). A review rejects them,
        /// since what they point at was not reviewed and a server may follow them; the sweep and the
        /// monthly list leave them alone.
        public var isSkipped = false
    }

    private let excluded: Set<String>

    public init(excluding: [String] = []) {
        excluded = Set(excluding.map(Self.canonical))
    }

    /// Returns the files in order (sorted within each argument), their sizes in bytes (from the
    /// same stat that walked them; the review hands out the largest first) and the paths that could
    /// not be used.
    public func collect(_ paths: [String]) -> (files: [String], sizes: [Int], problems: [Problem]) {
        var files: [String] = []
        var sizes: [Int] = []
        var problems: [Problem] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(Problem(path: path, reason: "no such file or directory"))
                continue
            }
            if !isDir.boolValue {
                var info = stat()
                let statted = stat(path, &info) == 0
                if statted, info.st_mode & S_IFMT != S_IFREG {
                    problems.append(Problem(path: path, reason: "not a regular file (named pipe, socket or device); not read"))
                    continue
                }
                if seen.insert(Self.canonical(path)).inserted {
                    files.append(path)
                    sizes.append(statted ? Int(info.st_size) : 0)
                }
                continue
            }
            let root = Self.canonical(path)
            var found: [Found] = []
            walk(directory: path, canonicalDirectory: root, root: root, into: &found, problems: &problems)
            for file in found.sorted(by: { $0.path < $1.path }) where seen.insert(file.canonical).inserted {
                files.append(file.path)
                sizes.append(file.size)
            }
        }
        return (files, sizes, problems)
    }

    private static func size(_ attributes: [FileAttributeKey: Any]?) -> Int {
        (attributes?[.size] as? Int) ?? 0
    }

    /// A file met in a folder: its path as walked, its path with links resolved, its size.
    private struct Found {
        let path: String
        let canonical: String
        let size: Int
    }

    /// Walks `directory`, whose path with links resolved is `canonicalDirectory`. One `lstat` per
    /// entry: resolving every path and asking FileManager for a dictionary of attributes took a
    /// fifth of a second for 3,000 files. Only real folders are entered, so a child's resolved path
    /// is its folder's plus its name; symbolic links are resolved one by one.
    private func walk(
        directory: String, canonicalDirectory: String, root: String, into found: inout [Found], problems: inout [Problem]
    ) {
        let fm = FileManager.default
        let entries: [String]
        do {
            entries = try fm.contentsOfDirectory(atPath: directory)
        } catch {
            problems.append(Problem(path: directory, reason: "cannot list directory"))
            return
        }
        for name in entries.sorted() where !name.hasPrefix(".") {
            let full = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let canonicalFull = canonicalDirectory.hasSuffix("/") ? canonicalDirectory + name : canonicalDirectory + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else {
                problems.append(Problem(path: full, reason: "cannot read"))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if !excluded.contains(canonicalFull) {
                    walk(directory: full, canonicalDirectory: canonicalFull, root: root, into: &found, problems: &problems)
                }
            case S_IFLNK:
                let resolved = Self.canonical(full)
                guard resolved.hasPrefix(root + "/") else {
                    problems.append(
                        Problem(path: full, reason: "symbolic link leads outside the reviewed tree; its target was not reviewed", isSkipped: true))
                    continue
                }
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: resolved, isDirectory: &isDir) else {
                    problems.append(Problem(path: full, reason: "dangling symbolic link"))
                    continue
                }
                // A link to a folder inside the tree is not entered: the folder is walked as itself.
                if !isDir.boolValue { found.append(Found(path: full, canonical: resolved, size: Self.size(try? fm.attributesOfItem(atPath: resolved)))) }
            case S_IFREG:
                found.append(Found(path: full, canonical: canonicalFull, size: Int(info.st_size)))
            default:
                // Reading a named pipe blocks until a writer comes; a device or socket is no document.
                problems.append(Problem(path: full, reason: "not a regular file (named pipe, socket or device); not read"))
            }
        }
    }

    /// `path` absolute, with links resolved and `.`/`..` removed: how two names of one file compare.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
