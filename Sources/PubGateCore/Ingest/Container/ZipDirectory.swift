/// The central directory of a ZIP archive, read and checked against every local header before
/// a byte of the archive reaches ZIPFoundation.
///
/// ZIPFoundation stops listing entries at the first damaged directory record (so one inserted byte
/// silently hid `word/header1.xml`, with the ID in it) and traps on offsets that point outside the
/// file (a malformed directory ended the whole batch). Here the end record, the ZIP64 records when
/// present, every directory record and the local header each one points at must agree: the entry
/// count, where the directory starts and ends, name, method, sizes and checksum (or the data
/// descriptor), and no two entries may share bytes. Anything else makes the archive unscannable.
struct ZipDirectory {
    /// One entry as the central directory states it, with where its data starts.
    struct Record: Equatable {
        let name: [UInt8]
        let flags: UInt16
        let method: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
        let dataOffset: Int

        var isEncrypted: Bool { flags & 1 == 1 }
        var displayName: String { String(decoding: name, as: UTF8.self) }
    }

    /// Entries in directory order.
    let records: [Record]

    init(_ bytes: [UInt8], maxEntries: Int) throws(ContainerError) {
        let reader = ZipByteReader(bytes)
        let end = try Self.endOfDirectory(reader)
        guard end.count <= maxEntries else { throw .tooManyEntries(maxEntries) }
        var records: [Record] = []
        var position = end.directoryOffset
        for _ in 0..<end.count {
            let record = try Self.directoryRecord(reader, at: &position, directoryEnd: end.directoryEnd)
            if record.isEncrypted { throw .encrypted(record.displayName) }
            records.append(record)
        }
        guard position == end.directoryEnd else {
            throw .corrupt("the central directory holds \(end.directoryEnd - position) bytes its \(end.count) records do not account for")
        }
        try Self.checkNoOverlap(records, reader: reader, directoryOffset: end.directoryOffset)
        self.records = records
    }

    /// Where the central directory is and how many records it holds, from the end record (and the
    /// ZIP64 end record when a locator precedes the end record).
    private static func endOfDirectory(_ reader: ZipByteReader) throws(ContainerError) -> (count: Int, directoryOffset: Int, directoryEnd: Int) {
        let n = reader.count
        guard n >= 22 else { throw .corrupt("too short for a ZIP archive") }
        // The end record is 22 bytes plus a comment that must reach exactly to the end of the file.
        var candidate = n - 22
        let lowest = max(0, n - 22 - 0xFFFF)
        var found: Int?
        while candidate >= lowest {
            if reader.u32(candidate) == 0x0605_4B50, reader.u16(candidate + 20) == n - candidate - 22 {
                found = candidate
                break
            }
            candidate -= 1
        }
        guard let eocd = found else { throw .corrupt("no end of central directory record") }
        guard reader.u16(eocd + 4) == 0, reader.u16(eocd + 6) == 0, reader.u16(eocd + 8) == reader.u16(eocd + 10) else {
            throw .corrupt("a multi-part archive")
        }
        var count = reader.u16(eocd + 10)
        var size = reader.u32(eocd + 12)
        var offset = reader.u32(eocd + 16)
        var directoryEnd = eocd
        if eocd >= 20, reader.u32(eocd - 20) == 0x0706_4B50 {
            let record = try reader.u64Checked(eocd - 20 + 8)
            guard record + 56 <= eocd - 20, reader.u32(record) == 0x0606_4B50 else { throw .corrupt("a damaged ZIP64 end record") }
            count = try reader.u64Checked(record + 32)
            guard try reader.u64Checked(record + 24) == count else { throw .corrupt("a multi-part archive") }
            size = try reader.u64Checked(record + 40)
            offset = try reader.u64Checked(record + 48)
            directoryEnd = record
        } else if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw .corrupt("a ZIP64 archive without its ZIP64 end record")
        }
        guard offset <= directoryEnd, size == directoryEnd - offset else {
            throw .corrupt("the central directory is not where the end record says")
        }
        guard count > 0 else { throw .corrupt("no entries") }
        return (count, offset, directoryEnd)
    }

    /// The directory record at `position` (advanced past it), checked against its local header.
    private static func directoryRecord(_ reader: ZipByteReader, at position: inout Int, directoryEnd: Int) throws(ContainerError) -> Record {
        let p = position
        guard p + 46 <= directoryEnd, reader.u32(p) == 0x0201_4B50 else {
            throw .corrupt("central directory record \(p) is damaged")
        }
        let nameLength = reader.u16(p + 28)
        let extraLength = reader.u16(p + 30)
        let commentLength = reader.u16(p + 32)
        let next = p + 46 + nameLength + extraLength + commentLength
        guard next <= directoryEnd else { throw .corrupt("central directory record \(p) runs past the directory") }
        let name = reader.bytes(p + 46, nameLength)
        let label = String(decoding: name, as: UTF8.self)
        var compressed = reader.u32(p + 20)
        var uncompressed = reader.u32(p + 24)
        var local = reader.u32(p + 42)
        if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
            (uncompressed, compressed, local) = try zip64Sizes(
                reader, extraAt: p + 46 + nameLength, length: extraLength, (uncompressed, compressed, local), label: label)
        }
        let flags = UInt16(reader.u16(p + 8))
        let method = UInt16(reader.u16(p + 10))
        let crc = UInt32(reader.u32(p + 16))
        guard method == 0 || method == 8 else { throw .corrupt("entry `\(label)` uses compression method \(method)") }
        guard method != 0 || compressed == uncompressed else { throw .corrupt("stored entry `\(label)` has two sizes") }
        let data = try checkLocalHeader(
            reader, at: local, name: name, flags: flags, method: method, crc: crc, sizes: (compressed, uncompressed), label: label)
        position = next
        return Record(
            name: name, flags: flags, method: method, crc32: crc, compressedSize: compressed, uncompressedSize: uncompressed,
            localHeaderOffset: local, dataOffset: data)
    }

    /// The ZIP64 extra field's 64-bit values for the sizes and offset the record marks 0xFFFFFFFF
    /// (uncompressed, compressed, local header offset: the field holds them in that order).
    private static func zip64Sizes(
        _ reader: ZipByteReader, extraAt start: Int, length: Int, _ values: (Int, Int, Int), label: String
    ) throws(ContainerError) -> (Int, Int, Int) {
        guard let extra = reader.extraField(0x0001, at: start, length: length) else {
            throw .corrupt("entry `\(label)` lacks its ZIP64 sizes")
        }
        var out = [values.0, values.1, values.2]
        var q = extra.lowerBound
        for field in 0..<3 where out[field] == 0xFFFF_FFFF {
            guard q + 8 <= extra.upperBound else { throw .corrupt("entry `\(label)` has a short ZIP64 field") }
            out[field] = try reader.u64Checked(q)
            q += 8
        }
        return (out[0], out[1], out[2])
    }

    /// Checks that the local header at `local` names the same entry the same way as its directory
    /// record (and, without a data descriptor, with the same checksum and sizes); the offset of
    /// the entry's data.
    private static func checkLocalHeader(
        _ reader: ZipByteReader, at local: Int, name: [UInt8], flags: UInt16, method: UInt16, crc: UInt32,
        sizes: (compressed: Int, uncompressed: Int), label: String
    ) throws(ContainerError) -> Int {
        // The local header must name the same entry the same way.
        guard local + 30 <= reader.count, reader.u32(local) == 0x0403_4B50 else {
            throw .corrupt("entry `\(label)` points at no local header")
        }
        let localName = reader.u16(local + 26)
        let localExtra = reader.u16(local + 28)
        let data = local + 30 + localName + localExtra
        guard data <= reader.count, reader.bytes(local + 30, localName) == name else {
            throw .corrupt("entry `\(label)`: the local header names another entry")
        }
        guard reader.u16(local + 8) == Int(method), reader.u16(local + 6) & 1 == Int(flags & 1) else {
            throw .corrupt("entry `\(label)`: the local header disagrees with the central directory")
        }
        if flags & 8 == 0 {
            var localCompressed = reader.u32(local + 18)
            var localUncompressed = reader.u32(local + 22)
            if localCompressed == 0xFFFF_FFFF || localUncompressed == 0xFFFF_FFFF,
                let extra = reader.extraField(0x0001, at: local + 30 + localName, length: localExtra), extra.count >= 16
            {
                localUncompressed = try reader.u64Checked(extra.lowerBound)
                localCompressed = try reader.u64Checked(extra.lowerBound + 8)
            }
            guard reader.u32(local + 14) == Int(crc), localCompressed == sizes.compressed, localUncompressed == sizes.uncompressed else {
                throw .corrupt("entry `\(label)`: the local header's checksum or sizes disagree with the central directory")
            }
        }
        return data
    }

    /// Entries laid out one after another before the directory, none sharing bytes with another
    /// (overlapping entries are how some zip bombs multiply one compressed stream); a data
    /// descriptor, when the flags announce one, must repeat the directory's checksum and sizes.
    private static func checkNoOverlap(_ records: [Record], reader: ZipByteReader, directoryOffset: Int) throws(ContainerError) {
        var previousEnd = 0
        for record in records.sorted(by: { $0.localHeaderOffset < $1.localHeaderOffset }) {
            let label = record.displayName
            guard record.localHeaderOffset >= previousEnd else { throw .corrupt("entry `\(label)` overlaps another entry") }
            var end = record.dataOffset + record.compressedSize
            guard end <= directoryOffset else { throw .corrupt("entry `\(label)` runs into the central directory") }
            if record.flags & 8 != 0 {
                end = try descriptorEnd(record, at: end, reader: reader, limit: directoryOffset)
            }
            previousEnd = end
        }
    }

    /// The end of the data descriptor after an entry's data (signature optional; 32-bit sizes, or
    /// 64-bit ones for ZIP64 entries), checked against the directory.
    private static func descriptorEnd(_ record: Record, at start: Int, reader: ZipByteReader, limit: Int) throws(ContainerError) -> Int {
        let p = start + 4 <= limit && reader.u32(start) == 0x0807_4B50 ? start + 4 : start
        if p + 12 <= limit, reader.u32(p) == Int(record.crc32), reader.u32(p + 4) == record.compressedSize,
            reader.u32(p + 8) == record.uncompressedSize
        {
            return p + 12
        }
        if p + 20 <= limit, reader.u32(p) == Int(record.crc32), (try? reader.u64Checked(p + 4)) == record.compressedSize,
            (try? reader.u64Checked(p + 12)) == record.uncompressedSize
        {
            return p + 20
        }
        throw .corrupt("entry `\(record.displayName)`: its data descriptor disagrees with the central directory")
    }
}

/// Little-endian reads from archive bytes; every read past the end yields 0 (the checks above
/// then fail on a signature or a bound), never a trap.
struct ZipByteReader {
    private let bytes: [UInt8]
    var count: Int { bytes.count }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func u16(_ i: Int) -> Int {
        guard i >= 0, i + 2 <= bytes.count else { return 0 }
        return Int(bytes[i]) | Int(bytes[i + 1]) << 8
    }

    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }

    /// A 64-bit size or offset; values a file of this size cannot hold are refused.
    func u64Checked(_ i: Int) throws(ContainerError) -> Int {
        let high = u32(i + 4)
        guard i >= 0, i + 8 <= bytes.count, high < 1 << 30 else { throw .corrupt("a ZIP64 value out of range") }
        return u32(i) | high << 32
    }

    func bytes(_ start: Int, _ length: Int) -> [UInt8] {
        guard start >= 0, length >= 0, start + length <= bytes.count else { return [] }
        return Array(bytes[start..<(start + length)])
    }

    /// The data range of extra field `id` within the extra block at `start`.
    func extraField(_ id: Int, at start: Int, length: Int) -> Range<Int>? {
        var p = start
        let end = start + length
        while p + 4 <= end {
            let size = u16(p + 2)
            guard p + 4 + size <= end else { return nil }
            if u16(p) == id { return (p + 4)..<(p + 4 + size) }
            p += 4 + size
        }
        return nil
    }
}
