import Foundation
import XMLKit
import ZIPFoundation

/// A ZIP container (OOXML, ODF, OFD) read entry by entry into memory through ZIPFoundation.
///
/// Nothing is ever extracted to disk, so an entry named `../../etc/cron.d/x` cannot be written
/// anywhere; such a name still makes the whole archive unscannable, because no office suite writes
/// one and a file that carries one is hostile. Every read is capped while it inflates (the sizes
/// an archive declares can lie), and the total across entries is budgeted. Confined to the worker
/// that opened it (ZIPFoundation's `Archive` is not thread-safe).
final class ZipContainer {
    private let archive: Archive
    private let entries: [String: Entry]
    /// Entry names in archive order.
    let names: [String]
    private let limits: ContainerLimits
    /// Bytes this container may still inflate.
    private var budget: Int
    /// Each entry's CRC-32 as the central directory states it.
    private let checksums: [String: UInt32]
    /// Entries read in full and found intact.
    private var verified = Set<String>()

    init(bytes: [UInt8], limits: ContainerLimits = .standard, budget: Int? = nil) throws(ContainerError) {
        // Checked first: ZIPFoundation skips damaged directory records and traps on bad offsets.
        let directory = try ZipDirectory(bytes, maxEntries: limits.maxEntries)
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .corrupt("no central directory")
        }
        var entries: [String: Entry] = [:]
        var names: [String] = []
        var declared = 0
        var checksums: [String: UInt32] = [:]
        for (index, entry) in archive.enumerated() {
            guard index < directory.records.count else { throw .corrupt("ZIPFoundation lists more entries than the directory") }
            let record = directory.records[index]
            guard entry.checksum == record.crc32, entry.compressedSize == UInt64(record.compressedSize),
                entry.uncompressedSize == UInt64(record.uncompressedSize)
            else { throw .corrupt("entry `\(record.displayName)` is read differently by ZIPFoundation") }
            let name = entry.path
            guard Self.isSafe(name), entries[name] == nil else { throw .unsafeEntryName(name) }
            declared += record.uncompressedSize
            entries[name] = entry
            names.append(name)
            checksums[name] = record.crc32
        }
        guard names.count == directory.records.count else {
            throw .corrupt("\(directory.records.count - names.count) of \(directory.records.count) entries cannot be listed")
        }
        // An archive that admits to more than four times the budget is not a document.
        guard declared <= limits.maxTotalBytes * 4 else { throw .tooLarge("the archive") }
        self.archive = archive
        self.entries = entries
        self.names = names
        self.limits = limits
        self.budget = budget ?? limits.maxTotalBytes
        self.checksums = checksums
    }

    /// Bytes still available to read (handed to a nested container so the whole stays bounded).
    var remainingBudget: Int { budget }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The bytes of entry `name`, inflated in memory under the size, ratio and budget limits, and
    /// checked against the directory's CRC-32 (ZIPFoundation computes it but leaves the comparison
    /// to the caller).
    func read(_ name: String) throws(ContainerError) -> [UInt8] {
        guard let entry = entries[name] else { throw .missingPart(name) }
        guard entry.type == .file else { return [] }
        let cap = min(limits.maxEntryBytes, budget)
        guard entry.uncompressedSize <= UInt64(cap) else { throw .tooLarge("`\(name)`") }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(cap))))
        var overLimit = false
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(contentsOf: chunk)
                let ratioBroken = out.count > self.limits.ratioFloor && out.count / compressed > self.limits.maxRatio
                if out.count > cap || ratioBroken {
                    overLimit = true
                    throw CocoaError(.fileReadTooLarge)
                }
            }
        } catch {
            if overLimit { throw .tooLarge("`\(name)`") }
            throw .unreadableEntry(name)
        }
        guard checksum == checksums[name], out.count == Int(clamping: entry.uncompressedSize) else { throw .unreadableEntry(name) }
        budget -= out.count
        verified.insert(name)
        return out
    }

    /// Reads every entry no extractor read (styles, themes, images, stray parts), so that each
    /// part of the file is known to be intact: one that fails its checksum, does not inflate or
    /// breaks a limit makes the document unscannable.
    func verifyUnread() throws(ContainerError) {
        for name in names where !verified.contains(name) {
            _ = try read(name)
        }
    }

    /// Entry `name` parsed as XML (libxml2, no network, no external entities). A part libxml2
    /// reads only by recovering from errors is damaged: what it skipped would go unscanned.
    func xml(_ name: String) throws(ContainerError) -> MarkupDocument {
        let bytes = try read(name)
        let document: MarkupDocument
        do {
            document = try MarkupParser.parseXML(Self.withoutBOM(bytes))
        } catch {
            throw .malformedPart(name, error.message)
        }
        guard document.recoveredErrors == 0 else { throw .malformedPart(name, "the parser had to skip what it could not read") }
        return document
    }

    /// Entry `name` as XML when it exists; nil when it does not.
    func optionalXML(_ name: String) throws(ContainerError) -> MarkupDocument? {
        contains(name) ? try xml(name) : nil
    }

    /// A path relative to the folder of `base` (`word/document.xml` + `media/x.png`), resolved
    /// without leaving the archive; a leading `/` starts at the root.
    static func resolve(_ target: String, relativeTo base: String) -> String? {
        var parts: [Substring] = []
        if !target.hasPrefix("/") {
            parts = base.split(separator: "/", omittingEmptySubsequences: true).dropLast().map { $0 }
        }
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(component)
            }
        }
        let path = parts.joined(separator: "/")
        return path.removingPercentEncoding ?? path
    }

    /// No absolute paths, drive letters, backslashes or `..` components.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains("\0") { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    private static func withoutBOM(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }
}
