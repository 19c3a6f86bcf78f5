/// OpenCC could not open a configuration (its data files are missing) or convert a text.
public struct OpenCCError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String

    public var description: String { message }
}
