import ArgumentParser
import Foundation
import PubGateCore

/// Where the rules and settings come from; shared by every command that classifies or scans.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Rule file or folder of rule files (default: the rules shipped with pubgate; `pubgate config show` says where).")
    var rules: String?

    @Option(
        name: .long,
        help:
            "The site's settings file, overriding Rules/policy.yaml key by key (the repository root's .pubgate.yml is applied after it and may only tighten)."
    )
    var config: String?

    /// Loads rules, document types and settings — the shipped defaults, then `--config`, then the
    /// `.pubgate.yml` of `root` (``RepositoryRoot``: the same rule for every command) —, printing
    /// warnings to stderr; anything broken ends the run with exit code 78 and a message naming the file.
    func load(root: RepositoryRoot? = nil) throws -> (ReviewConfiguration, LoadedSettings) {
        let location = try rulesLocation()
        do {
            let loaded = try ReviewConfiguration.load(
                rulesPath: location.path, site: config, tree: root?.settingsFile,
                fallbackFolder: RulesLocation.shipped.map { ReviewConfiguration.folder(of: $0.path) })
            for warning in loaded.0.rules.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
            return loaded
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitStatus.badConfiguration
        }
    }

    /// The rules to use; none found ends the run with exit 78.
    func rulesLocation() throws -> RulesLocation {
        guard let location = RulesLocation.find(explicit: rules) else {
            FileHandle.standardError.write(
                Data("error: no rules found: looked in \(RulesLocation.searched); give --rules DIR or set PUBGATE_RULES\n".utf8))
            throw ExitStatus.badConfiguration
        }
        return location
    }

}

extension SimpleDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument.count == 10, let date = SimpleDate(parsing: argument) else { return nil }
        self = date
    }
}
