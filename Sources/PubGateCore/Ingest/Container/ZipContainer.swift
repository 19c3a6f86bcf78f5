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

    init(bytes: [UInt8], limits: ContainerLimits = .standard, budget: Int? = nil) throws(ContainerError) {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .corrupt("no central directory")
        }
        var entries: [String: Entry] = [:]
        var names: [String] = []
        var declared: UInt64 = 0
        for entry in archive {
            guard names.count < limits.maxEntries else { throw .tooManyEntries(limits.maxEntries) }
            let name = entry.path
            guard Self.isSafe(name), entries[name] == nil else { throw .unsafeEntryName(name) }
            declared &+= entry.uncompressedSize
            entries[name] = entry
            names.append(name)
        }
        guard !names.isEmpty else { throw .corrupt("no entries") }
        if let encrypted = Self.firstEncryptedEntry(bytes) { throw .encrypted(encrypted) }
        // An archive that admits to more than four times the budget is not a document.
        guard declared <= UInt64(limits.maxTotalBytes) * 4 else { throw .tooLarge("the archive") }
        self.archive = archive
        self.entries = entries
        self.names = names
        self.limits = limits
        self.budget = budget ?? limits.maxTotalBytes
    }

    /// Bytes still available to read (handed to a nested container so the whole stays bounded).
    var remainingBudget: Int { budget }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The bytes of entry `name`, inflated in memory under the size, ratio and budget limits.
    func read(_ name: String) throws(ContainerError) -> [UInt8] {
        guard let entry = entries[name] else { throw .missingPart(name) }
        guard entry.type == .file else { return [] }
        let cap = min(limits.maxEntryBytes, budget)
        guard entry.uncompressedSize <= UInt64(cap) else { throw .tooLarge("`\(name)`") }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(cap))))
        var overLimit = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
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
        budget -= out.count
        return out
    }

    /// Entry `name` parsed as XML (libxml2, no network, no external entities).
    func xml(_ name: String) throws(ContainerError) -> MarkupDocument {
        let bytes = try read(name)
        do {
            return try MarkupParser.parseXML(Self.withoutBOM(bytes))
        } catch {
            throw .malformedPart(name, error.message)
        }
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

    /// The name of the first entry whose central directory record sets the encryption flag
    /// (general purpose bit 0), which ZIPFoundation reads but does not expose. Walks the central
    /// directory the end record points at; a ZIP64 directory is left to ZIPFoundation's checksums.
    static func firstEncryptedEntry(_ bytes: [UInt8]) -> String? {
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard bytes.count >= 22 else { return nil }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while end >= lowest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) {
            end -= 1
        }
        guard end >= lowest else { return nil }
        var p = u32(end + 16)
        let count = u16(end + 10)
        for _ in 0..<count {
            guard p + 46 <= bytes.count, u32(p) == 0x0201_4B50 else { return nil }
            let nameLength = u16(p + 28)
            guard p + 46 + nameLength <= bytes.count else { return nil }
            if u16(p + 8) & 1 == 1 { return String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self) }
            p += 46 + nameLength + u16(p + 30) + u16(p + 32)
        }
        return nil
    }

    private static func withoutBOM(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }
}
