/// A corpus index that cannot be used: missing, corrupt, locked, or from a newer pubgate.
public struct IndexError: Error, Sendable, CustomStringConvertible {
    let path: String
    let message: String

    public var description: String { "\(path): \(message)" }
}
