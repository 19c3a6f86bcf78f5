#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a file, held until the value is released (or the process ends).
public final class FileLock: Sendable {
    private let fd: Int32

    /// Nil when another process holds the lock (unless `waiting`: then it waits for it); throws
    /// the `errno` of an `open` that failed.
    public init?(path: String, waiting: Bool) throws(FileLockError) {
        let fd = unsafe open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileLockError(errno: errno) }
        while flock(fd, waiting ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
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

/// Why a lock file could not be opened.
public struct FileLockError: Error, Sendable {
    public let errno: Int32
}
