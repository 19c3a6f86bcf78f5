import Foundation
import POSIXKit

/// The documents of a review as files on disk: the paths named (folders walked by
/// ``InputCollector``), read when their turn comes. A linked attachment is reviewed with its page
/// when it lies inside a folder named (a file's own folder, for a file).
public struct FileSource: DocumentSource {
    public let root: RepositoryRoot?
    private let paths: [String]
    private let excluding: [String]
    /// The folders named, links resolved: an attachment must be inside one.
    private let folders: [String]

    /// - Parameters:
    ///   - excluding: folders not walked (the run's own output folder).
    ///   - root: the repository the files belong to, for baseline paths, path roles and blame.
    public init(paths: [String], excluding: [String] = [], root: RepositoryRoot? = nil) {
        self.paths = paths
        self.excluding = excluding
        self.root = root
        folders = paths.map { path in
            return InputCollector.canonical(POSIXFiles.isDirectory(path) == false ? (path as NSString).deletingLastPathComponent : path)
        }
    }

    /// Hidden files and folders are reviewed too; the root's settings file is read as settings.
    public func collect() -> InputCollector.Inputs {
        InputCollector(excluding: excluding, reviewingHidden: true, settingsFile: root?.settingsFile).collect(paths)
    }

    public func read(_ name: String) -> RawInput? {
        RawInput(contentsOf: name)
    }

    public func identity(of name: String) -> String {
        InputCollector.canonical(name)
    }

    public func isReviewable(attachment: String) -> Bool {
        guard POSIXFiles.isDirectory(attachment) == false else { return false }
        let target = InputCollector.canonical(attachment)
        return folders.contains { target.hasPrefix($0 + "/") }
    }

    /// Relative to the root; the name as given when the source has no root.
    public func repositoryPath(of name: String) -> String? {
        guard let root else { return name }
        return root.relative(name)
    }

    public func blame(_ name: String, line: Int) -> (author: String, date: String)? {
        let dir = (name as NSString).deletingLastPathComponent
        let r = ChildProcess.git(
            ["blame", "-L", "\(line),\(line)", "--porcelain", "--", (name as NSString).lastPathComponent], in: dir.isEmpty ? "." : dir)
        return r.status == 0 ? Self.parseBlame(r.text) : nil
    }
}
