#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A temporary file that has no name: created in a folder (`mkstemp`) and unlinked at once, so it
/// vanishes with the process however it ends. Written and read at offsets (`pwrite`, `pread`), so
/// threads writing at distinct offsets need no lock; each call retries after a signal (`EINTR`)
/// and goes on after a short write or read until the whole range is done.
public final class ScratchFile: Sendable {
    private let fd: Int32

    /// Nil when no file can be created in `directory`.
    public init?(directory: String) {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array("pubgate-scratch-XXXXXX".utf8CString)
        let fd = unsafe template.withUnsafeMutableBufferPointer { unsafe mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        unsafe template.withUnsafeBufferPointer { _ = unsafe unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Writes all of `bytes` at `offset`; false when the disk refuses (full, or an error).
    public func write(_ bytes: [UInt8], at offset: Int) -> Bool {
        unsafe bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = unsafe pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if n > 0 {
                    done += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// The `length` bytes at `offset`; nil when they cannot all be read.
    public func read(at offset: Int, length: Int) -> [UInt8]? {
        var failed = false
        let bytes = unsafe [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            count = 0
            while count < length {
                let n = unsafe pread(fd, buffer.baseAddress! + count, length - count, off_t(offset + count))
                if n > 0 {
                    count += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    failed = true
                    return
                }
            }
        }
        return failed ? nil : bytes
    }
}
