/// A failure reading or writing an archive, with libarchive's message.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
