import Foundation

/// A file to review: its display path (as the user named it) and its bytes.
public struct RawInput: Sendable {
    /// The path shown in reports: the argument as given, joined with the path inside a folder.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The format the file name implies.
    public var format: DocumentFormat {
        DocumentFormat(pathExtension: (path as NSString).pathExtension)
    }
}
