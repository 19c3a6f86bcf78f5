internal import CLibArchive

/// Writes a reproducible `.tar.gz` through libarchive: POSIX pax (restricted) entries, each with the
/// same fixed mtime, uid/gid 0, no user or group names, mode 0644, in the order given; gzip without
/// a timestamp. The same entries give the same bytes, run after run (docs/conventions.md §4.4).
public enum TarGzWriter {
    /// Writes `entries` (already sorted by the caller) to the file at `path`.
    public static func write(_ entries: [TarEntry], to path: String, mtime: Int64) throws(ArchiveError) {
        do {
            try withUTF8Locale { try writeInLocale(entries, to: path, mtime: mtime) }
        } catch let e as ArchiveError {
            throw e
        } catch {
            throw ArchiveError("\(error)")
        }
    }

    private static func writeInLocale(_ entries: [TarEntry], to path: String, mtime: Int64) throws {
        guard let a = unsafe archive_write_new() else { throw ArchiveError("cannot allocate an archive writer") }
        defer { unsafe archive_write_free(a) }
        func check(_ rc: Int32, _ what: String) throws(ArchiveError) {
            guard rc == ARCHIVE_OK else {
                let detail = unsafe archive_error_string(a).map { unsafe String(cString: $0) } ?? "error \(rc)"
                throw ArchiveError("\(what): \(detail)")
            }
        }
        try check(unsafe archive_write_set_format_pax_restricted(a), "pax format")
        try check(unsafe archive_write_add_filter_gzip(a), "gzip filter")
        // A NULL value turns the option off: no timestamp in the gzip header.
        try check(unsafe archive_write_set_filter_option(a, "gzip", "timestamp", nil), "gzip timestamp")
        try check(unsafe archive_write_set_filter_option(a, "gzip", "compression-level", "9"), "gzip level")
        try check(unsafe archive_write_open_filename(a, path), "open \(path)")
        for entry in entries {
            guard let e = unsafe archive_entry_new() else { throw ArchiveError("cannot allocate an archive entry") }
            defer { unsafe archive_entry_free(e) }
            unsafe archive_entry_set_pathname_utf8(e, entry.path)
            unsafe archive_entry_set_filetype(e, carchive_regular_file())
            unsafe archive_entry_set_perm(e, 0o644)
            unsafe archive_entry_set_size(e, Int64(entry.data.count))
            unsafe archive_entry_set_mtime(e, time_t(mtime), 0)
            unsafe archive_entry_set_uid(e, 0)
            unsafe archive_entry_set_gid(e, 0)
            try check(unsafe archive_write_header(a, e), "header of \(entry.path)")
            let written = unsafe entry.data.withUnsafeBytes { buf in
                unsafe archive_write_data(a, buf.baseAddress, buf.count)
            }
            guard written == entry.data.count else { throw ArchiveError("short write of \(entry.path)") }
        }
        try check(unsafe archive_write_close(a), "close \(path)")
    }
}
