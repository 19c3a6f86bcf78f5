/// A rule or configuration file that cannot be used; the run stops with exit code 78.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    let file: String
    let ruleID: String?
    let message: String

    init(file: String, ruleID: String? = nil, message: String) {
        self.file = file
        self.ruleID = ruleID
        self.message = message
    }

    public var description: String {
        if let ruleID { return "\(file): rule `\(ruleID)`: \(message)" }
        return "\(file): \(message)"
    }
}

/// A problem with configuration that does not stop the run (an unknown key, a skipped rule).
public struct ConfigurationWarning: Sendable, CustomStringConvertible, Equatable {
    let file: String
    let message: String
    public var description: String { "warning: \(file): \(message)" }
}
