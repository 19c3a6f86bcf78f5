internal import CLibArchive

/// Reads the regular files of a tar archive (gzip-compressed or not) through libarchive.
public enum TarGzReader {
    /// Calls `body` with each regular file, in archive order.
    public static func forEachFile(in path: String, _ body: (TarEntry) throws -> Void) throws {
        try withUTF8Locale { try readInLocale(path, body) }
    }

    private static func readInLocale(_ path: String, _ body: (TarEntry) throws -> Void) throws {
        guard let a = unsafe archive_read_new() else { throw ArchiveError("cannot allocate an archive reader") }
        defer { unsafe archive_read_free(a) }
        func failure(_ what: String) -> ArchiveError {
            ArchiveError("\(what): \(unsafe archive_error_string(a).map { unsafe String(cString: $0) } ?? "unknown error")")
        }
        unsafe archive_read_support_filter_gzip(a)
        unsafe archive_read_support_format_tar(a)
        guard unsafe archive_read_open_filename(a, path, 64 * 1024) == ARCHIVE_OK else { throw failure("open \(path)") }
        var entry: OpaquePointer?
        while true {
            let rc = unsafe archive_read_next_header(a, &entry)
            if rc == ARCHIVE_EOF { break }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let e = unsafe entry else { throw failure("read \(path)") }
            guard unsafe archive_entry_filetype(e) == carchive_regular_file() else { continue }
            guard let name = unsafe archive_entry_pathname_utf8(e) ?? archive_entry_pathname(e) else {
                throw ArchiveError("an entry of \(path) has no name")
            }
            let entryPath = unsafe String(cString: name)
            var data: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let n = unsafe chunk.withUnsafeMutableBytes { buf in unsafe archive_read_data(a, buf.baseAddress, buf.count) }
                if n == 0 { break }
                guard n > 0 else { throw failure("read \(entryPath)") }
                data.append(contentsOf: chunk[0..<n])
            }
            try body(TarEntry(path: entryPath, data: data))
        }
    }
}
