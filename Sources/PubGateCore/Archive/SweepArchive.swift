import ArchiveKit
import Foundation
import POSIXKit

/// Writes a bag as `DIR/<bag>.tar.gz` with a detached `DIR/<bag>.tar.gz.sha256`, so that a reader
/// sees no archive or a complete, verified one: written under a temporary name, fsynced, read back
/// and verified, then renamed into place and the folder fsynced.
enum SweepArchive {
    struct Written: Sendable {
        let path: String
        let sha256: String
    }

    static func write(_ bag: BagIt, to directory: String, mtime: Int64) throws(ArchiveError) -> Written {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError("cannot create \(directory): \(error.localizedDescription)")
        }
        let final = (directory as NSString).appendingPathComponent(bag.name + ".tar.gz")
        let partial = (directory as NSString).appendingPathComponent("." + bag.name + ".tar.gz.partial")
        try? fm.removeItem(atPath: partial)
        try TarGzWriter.write(bag.entries, to: partial, mtime: mtime)
        try sync(partial)
        FaultInjector.reached("archive_partial")
        let problems = BagVerifier.verify(archive: partial)
        guard problems.isEmpty else {
            try? fm.removeItem(atPath: partial)
            throw ArchiveError("the archive failed verification: \(problems.joined(separator: "; "))")
        }
        guard let data = fm.contents(atPath: partial) else { throw ArchiveError("cannot read back \(partial)") }
        let digest = BagIt.sha256(Array(data))
        guard POSIXFiles.move(partial, to: final) == 0 else { throw ArchiveError("cannot rename \(partial) to \(final)") }
        try sync(directory)
        do {
            try AtomicWriter.write(Data("\(digest)  \(bag.name).tar.gz\n".utf8), to: final + ".sha256")
        } catch {
            throw ArchiveError("cannot write \(final).sha256: \(error.localizedDescription)")
        }
        return Written(path: final, sha256: digest)
    }

    /// fsync a file or a folder.
    static func sync(_ path: String) throws(ArchiveError) {
        switch POSIXFiles.sync(path) {
        case .synced: return
        case .cannotOpen: throw ArchiveError("cannot open \(path) to sync it")
        case .failed: throw ArchiveError("fsync of \(path) failed")
        }
    }
}
