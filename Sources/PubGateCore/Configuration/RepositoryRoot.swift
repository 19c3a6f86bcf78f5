import Foundation
import POSIXKit

/// The folder a run belongs to: where its site settings (`.pubgate.yml`), baseline and corpus index
/// (`.pubgate/`) live, and what the paths of baseline entries and path roles are relative to.
///
/// One rule for every command, so that the gate, a review and `config show` agree on the settings
/// of a tree: the top level of the git repository holding the first path named (or the working
/// directory when none is named); outside git, the first folder named (a file's own folder).
/// A `.pubgate.yml` in a subfolder is not read: which settings apply must not depend on the folder
/// someone happens to name.
public struct RepositoryRoot: Sendable, Equatable {
    /// Absolute, links resolved.
    public let path: String
    /// True when `path` is a git work tree's top level.
    let isGit: Bool

    public init(path: String, isGit: Bool) {
        self.path = InputCollector.canonical(path)
        self.isGit = isGit
    }

    /// The root for a run over `paths`, looked up from `directory` when no path is named.
    public static func find(for paths: [String], from directory: String = FileManager.default.currentDirectoryPath) -> RepositoryRoot {
        let start: String
        if let first = paths.first {
            let absolute = first.hasPrefix("/") ? first : (directory as NSString).appendingPathComponent(first)
            start = POSIXFiles.isDirectory(absolute) == true ? absolute : (absolute as NSString).deletingLastPathComponent
        } else {
            start = directory
        }
        let r = ChildProcess.git(["rev-parse", "--show-toplevel"], in: start)
        let top = r.text.trimmingCharacters(in: .newlines)
        if r.status == 0, !top.isEmpty { return RepositoryRoot(path: top, isGit: true) }
        return RepositoryRoot(path: start, isGit: false)
    }

    /// The site's settings file, when the root has one.
    public var settingsFile: String? {
        let file = (path as NSString).appendingPathComponent(SettingsLoader.siteFileName)
        return FileManager.default.fileExists(atPath: file) ? file : nil
    }

    /// `relative` (`.pubgate/baseline.json`) under the root.
    public func file(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }

    /// The path of `file` from the root (`content/zwgk/a.md`); nil when it lies outside.
    func relative(_ file: String) -> String? {
        // The folder's links are resolved, not the file's own: a link is reported under its name.
        let folder = InputCollector.canonical(
            (file as NSString).deletingLastPathComponent.isEmpty ? "." : (file as NSString).deletingLastPathComponent)
        let canonical = (folder as NSString).appendingPathComponent((file as NSString).lastPathComponent)
        if canonical == path { return "" }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return canonical.hasPrefix(prefix) ? String(canonical.dropFirst(prefix.count)) : nil
    }

    /// How the root was chosen, for `pubgate config show`.
    public var explanation: String {
        isGit ? "the top level of the git repository" : "the folder reviewed (not in a git repository)"
    }
}
