import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// File-system tests and fixtures the tests need that Foundation offers only through a pointer or
/// not at all.
extension FileManager {
    /// Whether `path` names something that is not a folder (following links, as
    /// `fileExists(atPath:isDirectory:)` tells), without the pointer that call takes.
    public func isFile(atPath path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return unsafe fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Makes a named pipe (FIFO) at `path`, readable and writable by its owner; false when it cannot.
    public func makeNamedPipe(atPath path: String) -> Bool {
        unsafe mkfifo(path, 0o600) == 0
    }
}
