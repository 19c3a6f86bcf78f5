import Foundation
import POSIXKit

#if canImport(Glibc)
    import Glibc
#endif

/// The files one run writes into its output folder (`manifest.json`, `approve.json`,
/// `reject.json` and the reports; a sweep's lists; a monthly list), committed as a whole.
///
/// Renamed into place one by one, a kill between two renames left a mixed set: a new manifest
/// beside an old `approve.json`. Here a run writes its files into a fresh generation folder,
/// `OUT/.pubgate-output/<generation>/`, and commits by one atomic rename of the symbolic link
/// `OUT/.pubgate-output/<set>` to it; `OUT/manifest.json` and the others are fixed links through
/// that pointer (`.pubgate-output/review/manifest.json`). A reader therefore finds the previous
/// set or the new one, never a mixture, and nothing needs to know about the scheme. A run holds
/// `OUT/.pubgate-output/.lock` from start to commit; the next one removes what a killed run left
/// (generations no pointer names, temporary files of `AtomicWriter`, Foundation's `.dat.nosync…`,
/// a sweep archive's `.partial`).
public final class OutputSet {
    /// The output folder.
    let directory: String
    /// The generation folder this run writes into.
    public let staging: String
    private let name: String
    private let lock: RunLock

    static let folderName = ".pubgate-output"

    /// Starts a set named `name` (`review`, `sweep`, `monthly-2025-06`) in `directory`, waiting
    /// while another run holds the folder, after removing what killed runs left there.
    public init(in directory: String, name: String) throws(WriteError) {
        self.directory = directory
        self.name = name
        let root = (directory as NSString).appendingPathComponent(Self.folderName)
        staging = root + "/" + name + "-" + UUID().uuidString.lowercased()
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            guard let lock = try RunLock(path: root + "/.lock", waiting: true) else {
                throw WriteError(path: root + "/.lock", reason: "cannot lock the output folder")
            }
            self.lock = lock
            Self.removeLeftovers(in: directory)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw WriteError(path: directory, error: error)
        }
    }

    /// Where this run writes file `fileName` of the set.
    public func path(_ fileName: String) -> String {
        (staging as NSString).appendingPathComponent(fileName)
    }

    /// Makes the files written into the generation the folder's current set in one step; links
    /// for files the set no longer has are removed, and so is the previous generation.
    public func commit() throws(WriteError) {
        do {
            try switchToStaging()
        } catch {
            throw WriteError(path: directory, error: error)
        }
    }

    /// The commit itself: the pointer renamed to this generation, the fixed links made.
    private func switchToStaging() throws {
        let fm = FileManager.default
        let root = (directory as NSString).appendingPathComponent(Self.folderName)
        let written = try fm.contentsOfDirectory(atPath: staging).filter { !$0.hasPrefix(".") }.sorted()
        try Self.sync(staging)
        let pointer = root + "/" + name
        let previous = try? fm.destinationOfSymbolicLink(atPath: pointer)
        FaultInjector.reached("output_written")
        try Self.replaceLink(at: pointer, with: (staging as NSString).lastPathComponent)
        try Self.sync(root)
        FaultInjector.reached("output_committed")
        // The fixed links: created once, pointing through the set's pointer.
        let target = Self.folderName + "/" + name + "/"
        for file in written {
            let link = (directory as NSString).appendingPathComponent(file)
            if (try? fm.destinationOfSymbolicLink(atPath: link)) != target + file {
                try Self.replaceLink(at: link, with: target + file)
            }
        }
        for entry in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] where !written.contains(entry) {
            let link = (directory as NSString).appendingPathComponent(entry)
            if let destination = try? fm.destinationOfSymbolicLink(atPath: link), destination.hasPrefix(target) { try? fm.removeItem(atPath: link) }
        }
        try Self.sync(directory)
        if let previous, previous != (staging as NSString).lastPathComponent, !previous.contains("/") {
            try? fm.removeItem(atPath: root + "/" + previous)
        }
        withExtendedLifetime(lock) {}
    }

    /// Removes what killed runs left in `directory` (temporary files, archives not finished) and
    /// in its generations folder (generations no set's pointer names). Called with the lock held.
    static func removeLeftovers(in directory: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] where isLeftover(entry) {
            try? fm.removeItem(atPath: (directory as NSString).appendingPathComponent(entry))
        }
        let root = (directory as NSString).appendingPathComponent(folderName)
        let entries = (try? fm.contentsOfDirectory(atPath: root)) ?? []
        let current = Set(entries.compactMap { try? fm.destinationOfSymbolicLink(atPath: root + "/" + $0) })
        for entry in entries where !current.contains(entry) {
            let full = root + "/" + entry
            let isPointer = (try? fm.destinationOfSymbolicLink(atPath: full)) != nil
            if isLeftover(entry) || (!entry.hasPrefix(".") && !isPointer) { try? fm.removeItem(atPath: full) }
        }
    }

    /// Names only pubgate's interrupted writes have: ``AtomicWriter``'s temporary files, the ones
    /// Foundation's atomic write made before it (`.dat.nosync…`), an unfinished sweep archive.
    static func isLeftover(_ name: String) -> Bool {
        name.hasPrefix(".dat.nosync") || name.contains(AtomicWriter.temporaryMarker)
            || (name.hasPrefix(".") && (name.hasSuffix(".tmp") || name.hasSuffix(".partial")))
    }

    /// Points `path` at `destination` atomically: a new link under a temporary name, renamed over.
    private static func replaceLink(at path: String, with destination: String) throws {
        let temporary =
            (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent
            + AtomicWriter.temporaryMarker + UUID().uuidString.lowercased()
        try FileManager.default.createSymbolicLink(atPath: temporary, withDestinationPath: destination)
        guard POSIXFiles.move(temporary, to: path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// fsync of a folder: its entries (the files were synced as they were written).
    private static func sync(_ path: String) throws {
        guard POSIXFiles.sync(path) != .cannotOpen else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
