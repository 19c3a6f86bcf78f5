#if canImport(Glibc)
    import Glibc
#endif

/// Runs `body` with this thread's character type locale set to UTF-8.
///
/// libarchive converts entry names through the current locale; in the default "C" locale a Chinese
/// name cannot be converted and the writer fails (or worse). `uselocale` changes only the calling
/// thread, so other threads of the process are not affected.
func withUTF8Locale<T>(_ body: () throws -> T) rethrows -> T {
    guard let utf8 = unsafe newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { return try body() }
    let previous = unsafe uselocale(utf8)
    defer {
        unsafe uselocale(previous)
        unsafe freelocale(utf8)
    }
    return try body()
}
