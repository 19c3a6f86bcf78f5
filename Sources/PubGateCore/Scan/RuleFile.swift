/// One `Rules/*.yaml` file: a versioned list of rules for one domain.
struct RuleFile: Codable, Sendable {
    /// The only version this build understands.
    static let supportedVersion = 1

    var version: Int
    var domain: String?
    var rules: [Rule]

    enum CodingKeys: String, CodingKey, CaseIterable { case version, domain, rules }
}
