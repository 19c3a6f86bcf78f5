import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Where a review keeps its documents' reviews while the batch runs: a temporary file that is
/// unlinked as soon as it is open, so it vanishes with the process, and memory stays flat however
/// large the batch (a document's review is about five times its JSON size in memory, which for a
/// 1 GB corpus is well over a gigabyte).
///
/// Reviews are JSON-encoded by the worker that made them and read back one at a time. A review
/// that cannot be written (disk full) is kept in memory instead: nothing is lost, only the bound.
public final class ReviewStore: @unchecked Sendable {
    /// Where one review is: a byte range of the file, or in memory.
    public enum Slot: Sendable {
        case disk(offset: Int, length: Int)
        case memory(Data)
    }

    // Safe: `fd` is written once in `init`; `pwrite`/`pread` at distinct offsets need no lock, and
    // the next free offset is handed out under `end`'s mutex.
    private let fd: Int32
    private let end = Mutex(0)

    /// Opens the file in `directory` (the system temporary folder by default); with no writable
    /// folder every review stays in memory.
    public init(directory: String = NSTemporaryDirectory()) {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array("pubgate-reviews-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd >= 0 { template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) } }
        self.fd = fd
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Stores `value` and says where it is.
    public func store<T: Encodable>(_ value: T) -> Slot {
        let data = (try? JSONEncoder().encode(value)) ?? Data()
        guard fd >= 0, !data.isEmpty else { return .memory(data) }
        let offset = end.withLock { offset in
            defer { offset += data.count }
            return offset
        }
        let written = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, data.count, off_t(offset)) }
        return written == data.count ? .disk(offset: offset, length: data.count) : .memory(data)
    }

    /// The value stored at `slot`.
    public func load<T: Decodable>(_ type: T.Type, at slot: Slot) -> T {
        let data: Data
        switch slot {
        case .memory(let bytes): data = bytes
        case .disk(let offset, let length):
            var buffer = Data(count: length)
            let read = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
            precondition(read == length, "the review store lost data (read \(read) of \(length) bytes)")
            data = buffer
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            preconditionFailure("a stored review does not decode: \(error)")
        }
    }
}
