/// One `Rules/*.yaml` file: a versioned list of rules for one domain.
public struct RuleFile: Codable, Sendable {
    /// The only version this build understands.
    public static let supportedVersion = 1

    public var version: Int
    public var domain: String?
    public var rules: [Rule]

    enum CodingKeys: String, CodingKey, CaseIterable { case version, domain, rules }
}
