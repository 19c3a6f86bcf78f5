/// A corpus index that cannot be used: missing, corrupt, locked, or from a newer pubgate.
public struct IndexError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public var description: String { "\(path): \(message)" }
}
