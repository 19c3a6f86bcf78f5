import Foundation
import POSIXKit

/// An output that could not be written, said in plain words with its path. Foundation's own
/// message on Linux names only the error domain and number ("The operation could not be completed.
/// (NSCocoaErrorDomain error 512.)"); the operating system's reason is one level down.
public struct WriteError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String

    public var description: String { "cannot write \(path): \(reason)" }

    public init(path: String, reason: String) {
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
        case Int(ENOTDIR)? where inTheWay != nil, Int(EEXIST)? where inTheWay != nil:
            reason = "\(inTheWay ?? path) is a file, not a folder"
        case Int(EISDIR)?: reason = "it is a folder"
        case Int(ENOENT)?: reason = "the folder \((path as NSString).deletingLastPathComponent) does not exist and cannot be made"
        case Int(EACCES)?, Int(EPERM)?: reason = "permission denied"
        case Int(EROFS)?: reason = "the file system is read-only"
        case Int(ENOSPC)?: reason = "no space left on the disk"
        case Int(EDQUOT)?: reason = "the disk quota is used up"
        case .some: reason = posix!.localizedDescription.lowercased()
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
