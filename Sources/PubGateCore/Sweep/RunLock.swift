import Foundation

/// An exclusive lock on a file (`flock`), held until the process ends, so two sweeps never run
/// at once on the same output folder.
public final class RunLock: Sendable {
    private let fd: Int32

    /// Nil when another process holds the lock (unless `waiting`: then it waits for it).
    public init?(path: String, waiting: Bool = false) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        guard flock(fd, waiting ? LOCK_EX : LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
