import Foundation
import POSIXKit

/// An output that could not be written, said in plain words with its path. Foundation's own
/// message on Linux names only the error domain and number ("The operation could not be completed.
/// (NSCocoaErrorDomain error 512.)"); the operating system's reason is one level down.
public struct WriteError: Error, CustomStringConvertible, Sendable {
    let path: String
    let reason: String

    public var description: String { "cannot write \(path): \(reason)" }

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The reason behind `error`, a failure to write `path` (a ``WriteError`` keeps its own path).
    public init(path: String, error: any Error) {
        if let e = error as? WriteError {
            self = e
            return
        }
        self.path = path
        let ns = error as NSError
        let posix = Self.posixError(ns)
        let inTheWay = Self.fileInTheWay(of: path)
        switch posix?.code {
        case Int(ENOTDIR)?, Int(EEXIST)?:
            // The output folder itself may be the file (`--out report.txt`).
            if let file = inTheWay ?? Self.fileInTheWay(of: path + "/.") {
                reason = "\(file) is a file, not a folder"
            } else {
                reason = Self.plain(posix!)
            }
        case Int(EISDIR)?: reason = "it is a folder"
        case Int(ENOENT)?: reason = Self.missingFolder(path)
        case Int(EACCES)?, Int(EPERM)?: reason = "permission denied"
        case Int(EROFS)?: reason = "the file system is read-only"
        case Int(ENOSPC)?: reason = "no space left on the disk"
        case Int(EDQUOT)?: reason = "the disk quota is used up"
        case .some: reason = Self.plain(posix!)
        case nil:
            let folder = (path as NSString).deletingLastPathComponent
            if let inTheWay {
                reason = "\(inTheWay) is a file, not a folder"
            } else if !FileManager.default.fileExists(atPath: folder) {
                reason = "the folder \(folder) does not exist and cannot be made"
            } else if ns.domain == NSCocoaErrorDomain {
                // Foundation's own text here is "The operation could not be completed. (… error N.)".
                reason = "the file cannot be created or replaced"
            } else {
                reason = ns.localizedDescription
            }
        }
    }

    /// The operating system's error under Foundation's (`NSUnderlyingErrorKey`), if any.
    private static func posixError(_ error: NSError) -> NSError? {
        var current: NSError? = error
        while let e = current {
            if e.domain == NSPOSIXErrorDomain { return e }
            // (On Linux the underlying error may be a Swift `POSIXError`, which `as? NSError` misses.)
            current = (e.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        }
        return nil
    }

    /// The system's sentence for `error` without Foundation's "The operation could not be completed." before it.
    private static func plain(_ error: NSError) -> String {
        let text = error.localizedDescription
        let prefix = "The operation could not be completed. "
        return (text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text).lowercased()
    }

    /// Why a folder on the way to `path` could not be made: the first missing one under an
    /// existing folder is named; if that folder exists, its file system refused (read-only, or a
    /// system file system such as /proc that holds no folders of ours).
    private static func missingFolder(_ path: String) -> String {
        var missing = path
        var parent = (path as NSString).deletingLastPathComponent
        while !parent.isEmpty, parent != "/", !FileManager.default.fileExists(atPath: parent) {
            missing = parent
            parent = (parent as NSString).deletingLastPathComponent
        }
        if parent.isEmpty { return "the folder \((path as NSString).deletingLastPathComponent) does not exist and cannot be made" }
        // (access(2) answers EROFS for a read-only mount; FileManager asks it without a pointer.)
        let readOnly = !FileManager.default.isWritableFile(atPath: parent)
        let why = readOnly ? "read-only file system" : "\(parent) accepts no new folders (a system file system such as /proc)"
        return missing == path ? why : "cannot create the folder \(missing): \(why)"
    }

    /// The nearest existing ancestor of `path` (the folder it should go in included) that is a
    /// file rather than a folder.
    private static func fileInTheWay(of path: String) -> String? {
        var dir = (path as NSString).deletingLastPathComponent
        while !dir.isEmpty, dir != "/" {
            if let isDir = POSIXFiles.isDirectory(dir) { return isDir ? nil : dir }
            dir = (dir as NSString).deletingLastPathComponent
        }
        return nil
    }
}
