import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file to review: its display path (as the user named it) and its bytes.
public struct RawInput: Sendable {
    /// The path shown in reports: the argument as given, joined with the path inside a folder.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The file at `path`, read straight into its byte array (through `Data` it was held twice,
    /// which for the largest file of a batch is the peak); nil when it cannot be opened or read.
    public init?(contentsOf path: String) {
        // Non-blocking open: a named pipe would otherwise wait for a writer forever. Only regular
        // files are read (the flag does not change how they read).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var failed = false
        /// Reads into `buffer` from `count` on until it is full or the file ends.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from count: inout Int) {
            while count < buffer.count {
                let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
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
        // The size `fstat` gave, read in place; then whatever a growing file has beyond it.
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
            count = 0
            fill(buffer, from: &count)
        }
        // (A buffer on the stack: the read that finds the end is made for every file.)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { more in
            while !failed {
                var got = 0
                fill(more, from: &got)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: more[..<got]))
                if got < more.count { break }
            }
        }
        guard !failed else { return nil }
        self.init(path: path, bytes: bytes)
    }

    /// The format the file name implies.
    public var format: DocumentFormat {
        DocumentFormat(pathExtension: (path as NSString).pathExtension)
    }
}
