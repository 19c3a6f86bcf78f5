/// A document libxml2 could not parse at all, with the position it reported.
public struct XMLParseError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String
    public let line: Int
    public let column: Int

    public var description: String { "\(message) at line \(line), column \(column)" }
}
