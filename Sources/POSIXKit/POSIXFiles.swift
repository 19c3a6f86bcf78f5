#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX file calls pubgate makes outside Foundation, in one place: each takes and returns
/// Swift values, so no pointer or C string reaches the code that calls them.
///
/// Safety: every C string is made by Swift for the call's duration (the implicit `String` to
/// `UnsafePointer<CChar>` conversion) and never kept; `stat` structures are Swift values.
public enum POSIXFiles {
    /// What is at a path.
    public enum Kind: Sendable, Equatable {
        case regular, directory, symbolicLink, other
    }

    /// What `path` is, following symbolic links (`stat`), and its size in bytes; nil when nothing
    /// is there (or it cannot be looked at).
    public static func status(of path: String) -> (kind: Kind, size: Int)? {
        var info = stat()
        guard unsafe stat(path, &info) == 0 else { return nil }
        return (kind(info.st_mode), Int(info.st_size))
    }

    /// What `path` itself is, a symbolic link not followed (`lstat`), and its size in bytes.
    public static func linkStatus(of path: String) -> (kind: Kind, size: Int)? {
        var info = stat()
        guard unsafe lstat(path, &info) == 0 else { return nil }
        return (kind(info.st_mode), Int(info.st_size))
    }

    /// True for a folder (or a link to one), false for anything else, nil when nothing is there.
    public static func isDirectory(_ path: String) -> Bool? {
        status(of: path).map { $0.kind == .directory }
    }

    private static func kind(_ mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .other
        }
    }

    /// Makes a named pipe (FIFO) at `path`, readable and writable by its owner (`mkfifo`); false
    /// when it cannot. The tests feed pubgate such a path: a file that is not regular is never read.
    public static func makeNamedPipe(_ path: String) -> Bool {
        unsafe mkfifo(path, 0o600) == 0
    }

    /// Renames atomically (`rename`): 0, or the `errno` it failed with.
    public static func move(_ from: String, to: String) -> Int32 {
        unsafe rename(from, to) == 0 ? 0 : errno
    }

    /// A hard link `to` naming the file `from` (`link`): 0, or the `errno` it failed with (`EEXIST`
    /// when `to` exists: the way to create a file only if no other process did first).
    public static func makeLink(_ from: String, to: String) -> Int32 {
        unsafe link(from, to) == 0 ? 0 : errno
    }

    /// Removes a name (`unlink`); false when it could not.
    @discardableResult
    public static func remove(_ path: String) -> Bool {
        unsafe unlink(path) == 0
    }

    /// How a `sync` went.
    public enum SyncOutcome: Sendable, Equatable {
        case synced, cannotOpen, failed
    }

    /// Flushes a file or a folder's entries to disk (`fsync`).
    public static func sync(_ path: String) -> SyncOutcome {
        let fd = unsafe open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .cannotOpen }
        defer { close(fd) }
        return fsync(fd) == 0 ? .synced : .failed
    }

    /// The bytes of the regular file at `path`, read straight into the array (through `Data` they
    /// were held twice, which for the largest file of a batch is the peak): the size `fstat` gives,
    /// read in place, then whatever a growing file has beyond it. Nil when it cannot be opened, is
    /// not a regular file (a named pipe, a device), or a read fails. The open does not block, so a
    /// named pipe without a writer is refused instead of waited on.
    public static func readRegularFile(_ path: String) -> [UInt8]? {
        let fd = unsafe open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard unsafe fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var failed = false
        /// Reads into `buffer` from `count` on until it is full or the file ends.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from count: inout Int) {
            while count < buffer.count {
                let n = unsafe read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n > 0 {
                    count += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    failed = n < 0
                    return
                }
            }
        }
        var bytes = unsafe [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
            count = 0
            unsafe fill(buffer, from: &count)
        }
        // (A buffer on the stack: the read that finds the end is made for every file.)
        unsafe withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { more in
            while !failed {
                var got = 0
                unsafe fill(more, from: &got)
                unsafe bytes.append(contentsOf: UnsafeBufferPointer(rebasing: more[..<got]))
                if got < more.count { break }
            }
        }
        return failed ? nil : bytes
    }
}
