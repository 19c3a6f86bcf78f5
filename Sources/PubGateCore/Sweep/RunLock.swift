import Foundation
import POSIXKit

/// An exclusive lock on a file (`flock`), held until the process ends, so two sweeps never run
/// at once on the same output folder.
final class RunLock: Sendable {
    private let lock: FileLock

    /// Nil when another process holds the lock (unless `waiting`: then it waits for it).
    init?(path: String, waiting: Bool = false) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            guard let lock = try FileLock(path: path, waiting: waiting) else { return nil }
            self.lock = lock
        } catch {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
