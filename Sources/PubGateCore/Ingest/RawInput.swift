import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file to review: its display path (as the user named it) and its bytes.
public struct RawInput: Sendable {
    /// The path shown in reports: the argument as given, joined with the path inside a folder.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The file at `path`, read straight into its byte array (through `Data` it was held twice,
    /// which for the largest file of a batch is the peak); nil when it cannot be opened or read.
    public init?(contentsOf path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        self.init(path: path, bytes: bytes)
    }

    /// The format the file name implies.
    public var format: DocumentFormat {
        DocumentFormat(pathExtension: (path as NSString).pathExtension)
    }
}
