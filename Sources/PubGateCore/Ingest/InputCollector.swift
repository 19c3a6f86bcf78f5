import Foundation

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
        /// True for paths deliberately not followed (links out of the tree): reported, not rejected.
        public var isSkipped = false
    }

    private let excluded: Set<String>

    public init(excluding: [String] = []) {
        excluded = Set(excluding.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path })
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
                if seen.insert(canonical(path)).inserted {
                    files.append(path)
                    sizes.append(Self.size(try? fm.attributesOfItem(atPath: path)))
                }
                continue
            }
            let root = canonical(path)
            var found: [(path: String, size: Int)] = []
            walk(directory: path, root: root, into: &found, problems: &problems)
            for file in found.sorted(by: { $0.path < $1.path }) where seen.insert(canonical(file.path)).inserted {
                files.append(file.path)
                sizes.append(file.size)
            }
        }
        return (files, sizes, problems)
    }

    private static func size(_ attributes: [FileAttributeKey: Any]?) -> Int {
        (attributes?[.size] as? Int) ?? 0
    }

    private func walk(directory: String, root: String, into found: inout [(path: String, size: Int)], problems: inout [Problem]) {
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
            let attributes = try? fm.attributesOfItem(atPath: full)
            var isLink = (attributes?[.type] as? FileAttributeType) == .typeSymbolicLink
            var target = full
            if isLink {
                let resolved = canonical(full)
                guard resolved.hasPrefix(root + "/") else {
                    problems.append(
                        Problem(path: full, reason: "symbolic link leads outside the reviewed tree; not followed", isSkipped: true))
                    continue
                }
                target = resolved
                isLink = false
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: target, isDirectory: &isDir) else {
                problems.append(Problem(path: full, reason: "dangling symbolic link"))
                continue
            }
            if isDir.boolValue {
                if target == full, !excluded.contains(canonical(full)) { walk(directory: full, root: root, into: &found, problems: &problems) }
            } else {
                found.append((full, Self.size(target == full ? attributes : try? fm.attributesOfItem(atPath: target))))
            }
        }
    }

    private func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
