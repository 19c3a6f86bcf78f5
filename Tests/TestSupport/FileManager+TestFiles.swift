import Foundation
import POSIXKit

/// File-system tests and fixtures the tests need that Foundation offers only through a pointer or
/// not at all: answered by POSIXKit, where the pointers are.
extension FileManager {
    /// Whether `path` names something that is not a folder (following links, as
    /// `fileExists(atPath:isDirectory:)` tells), without the pointer that call takes.
    public func isFile(atPath path: String) -> Bool {
        POSIXFiles.isDirectory(path) == false
    }

    /// Makes a named pipe (FIFO) at `path`, readable and writable by its owner; false when it cannot.
    public func makeNamedPipe(atPath path: String) -> Bool {
        POSIXFiles.makeNamedPipe(path)
    }
}
