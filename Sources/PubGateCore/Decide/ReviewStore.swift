import Foundation
import POSIXKit
import Synchronization

/// Where a review keeps its documents' reviews while the batch runs: a temporary file that is
/// unlinked as soon as it is open, so it vanishes with the process, and memory stays flat however
/// large the batch (a document's review is about five times its JSON size in memory, which for a
/// 1 GB corpus is well over a gigabyte).
///
/// Each review is stored as its entry of `manifest.json`, encoded by the worker that made it (so
/// the encoding runs on all cores) and copied into the manifest as it is; other reports read
/// reviews back one at a time. A review that cannot be written (disk full) is kept in memory
/// instead: nothing is lost, only the bound.
public final class ReviewStore: Sendable {
    /// Where one review is: a byte range of the file, or in memory.
    public enum Slot: Sendable {
        case disk(offset: Int, length: Int)
        case memory([UInt8])
    }

    /// Nil without a writable folder. Threads write at distinct offsets; the next free offset is
    /// handed out under `end`'s mutex.
    private let file: ScratchFile?
    private let end = Mutex(0)

    /// Opens the file in `directory` (the system temporary folder by default); with no writable
    /// folder every review stays in memory.
    public init(directory: String = NSTemporaryDirectory()) {
        file = ScratchFile(directory: directory)
    }

    /// Stores `review` and says where it is.
    public func store(_ review: DocumentReview) -> Slot {
        let bytes = ManifestWriter.entry(review)
        guard let file else { return .memory(bytes) }
        let offset = end.withLock { offset in
            defer { offset += bytes.count }
            return offset
        }
        return file.write(bytes, at: offset) ? .disk(offset: offset, length: bytes.count) : .memory(bytes)
    }

    /// The review stored at `slot`.
    public func load(at slot: Slot) -> DocumentReview {
        do {
            return try JSONDecoder().decode(DocumentReview.self, from: Data(entry(at: slot)))
        } catch {
            preconditionFailure("a stored review does not decode: \(error)")
        }
    }

    /// The manifest entry stored at `slot`, as written.
    public func entry(at slot: Slot) -> [UInt8] {
        switch slot {
        case .memory(let bytes): return bytes
        case .disk(let offset, let length):
            guard let bytes = file?.read(at: offset, length: length) else {
                preconditionFailure("the review store lost data (\(length) bytes at \(offset) cannot be read back)")
            }
            return bytes
        }
    }
}
