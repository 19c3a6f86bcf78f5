/// A regular file in a tar archive: its path (UTF-8, `/`-separated) and its bytes.
public struct TarEntry: Sendable, Equatable {
    public let path: String
    public let data: [UInt8]

    public init(path: String, data: [UInt8]) {
        self.path = path
        self.data = data
    }
}
