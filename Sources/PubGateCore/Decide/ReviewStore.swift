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
final class ReviewStore: Sendable {
    /// Where one review is: a byte range of the file, or in memory.
    enum Slot: Sendable {
        case disk(offset: Int, length: Int)
        case memory([UInt8])
    }

    /// Nil without a writable folder. Threads write at distinct offsets; the next free offset is
    /// handed out under `end`'s mutex.
    private let file: ScratchFile?
    private let end = Mutex(0)

    /// Opens the file in `directory` (the system temporary folder by default); with no writable
    /// folder every review stays in memory.
    init(directory: String = NSTemporaryDirectory()) {
        file = ScratchFile(directory: directory)
    }

    /// Stores `review` and says where it is.
    func store(_ review: DocumentReview) -> Slot {
        store(ManifestWriter.entry(review))
    }

    /// The review stored at `slot`.
    func load(at slot: Slot) -> DocumentReview {
        do {
            return try JSONDecoder().decode(DocumentReview.self, from: Data(entry(at: slot)))
        } catch {
            preconditionFailure("a stored review does not decode: \(error)")
        }
    }

    /// The review at `slot` with aggregation findings `found` added and decided again by
    /// `decide`, stored anew, and its digest (whose path and checksum `digest` gives); the entry
    /// is read by its layout (``ManifestEntry``) and only the added findings are encoded. Nil when
    /// the entry does not read that way or a finding says the document was not read: the caller
    /// then decodes the review.
    func adding(_ found: [Finding], at slot: Slot, digest: DocumentDigest, decide: DecideStage) -> (Slot, DocumentDigest)? {
        guard let entry = ManifestEntry(entry(at: slot)), let old = entry.findings(),
            !old.contains(where: { $0.key.kind == .unscannable }), !found.contains(where: { $0.kind == .unscannable })
        else { return nil }
        let (added, order, decision, disposition) = decide.adding(found, toKeys: old.map(\.key))
        var encoded: [ArraySlice<UInt8>] = []
        for finding in added {
            guard let bytes = try? PrettyJSONEncoder.encode(finding, level: 4, indentFirstLine: true) else { return nil }
            encoded.append(bytes[...])
        }
        let keys = old.map(\.key) + added.map(ManifestEntry.FindingKey.init)
        let findings = order.map { $0 < old.count ? entry.bytes[old[$0].range] : encoded[$0 - old.count] }
        let bytes = entry.replacing(decision: decision, disposition: disposition, findings: findings)
        let merged = DocumentDigest(
            path: digest.path, sha256: digest.sha256, decision: decision, disposition: disposition, findings: order.map { keys[$0] },
            unscannable: [])
        return (store(bytes), merged)
    }

    /// Stores an entry's bytes and says where they are.
    private func store(_ bytes: [UInt8]) -> Slot {
        guard let file else { return .memory(bytes) }
        let offset = end.withLock { offset in
            defer { offset += bytes.count }
            return offset
        }
        return file.write(bytes, at: offset) ? .disk(offset: offset, length: bytes.count) : .memory(bytes)
    }

    /// The manifest entry stored at `slot`, as written.
    func entry(at slot: Slot) -> [UInt8] {
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
