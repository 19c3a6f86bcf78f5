import Foundation
import POSIXKit

/// A file to review: its display path (as the user named it) and its bytes.
public struct RawInput: Sendable {
    /// The path shown in reports: the argument as given, joined with the path inside a folder.
    let path: String
    let bytes: [UInt8]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The file at `path`, read straight into its byte array (``POSIXFiles/readRegularFile(_:)``);
    /// nil when it cannot be opened or read, or is not a regular file.
    init?(contentsOf path: String) {
        guard let bytes = POSIXFiles.readRegularFile(path) else { return nil }
        self.init(path: path, bytes: bytes)
    }

    /// The format the file name implies.
    var format: DocumentFormat {
        DocumentFormat(pathExtension: (path as NSString).pathExtension)
    }
}
