import ArgumentParser
import Foundation
import PubGateCore

/// Where the rules and settings come from; shared by every command that classifies or scans.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Rule file or folder of rule files (default: the Rules/ shipped with pubgate).")
    var rules: String?

    @Option(
        name: .long,
        help: "The site's settings file, overriding Rules/policy.yaml key by key (default: .pubgate.yml in the first folder reviewed).")
    var config: String?

    /// Loads rules, document types and settings, printing warnings to stderr; anything broken ends
    /// the run with exit code 78 and a message naming the file.
    func load(for paths: [String] = []) throws -> (ReviewConfiguration, LoadedSettings) {
        let path = rules ?? RuleOptions.defaultRulesPath()
        do {
            let loaded = try ReviewConfiguration.load(
                rulesPath: path, site: config ?? SettingsLoader.siteFile(for: paths),
                fallbackFolder: ReviewConfiguration.folder(of: RuleOptions.defaultRulesPath()))
            for warning in loaded.0.rules.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
            return loaded
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitStatus.badConfiguration
        }
    }

    /// The expiry triggers of `Rules/expiry.yaml` (beside the rules, or the shipped ones).
    func loadExpiry() throws -> ExpiryRules {
        let file = ReviewConfiguration.resolve(
            ExpiryRules.fileName, rulesPath: rules ?? RuleOptions.defaultRulesPath(),
            fallbackFolder: ReviewConfiguration.folder(of: RuleOptions.defaultRulesPath()))
        do {
            return try ExpiryRules.load(file: file)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitStatus.badConfiguration
        }
    }

    /// This binary's own path (found on PATH, argv[0] is only `pubgate`).
    static func executablePath() -> String {
        Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// `PUBGATE_RULES`, else the `Rules/` of the package the binary was built in, else `./Rules`.
    static func defaultRulesPath() -> String {
        if let env = ProcessInfo.processInfo.environment["PUBGATE_RULES"], !env.isEmpty { return env }
        var dir = URL(fileURLWithPath: executablePath()).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("Rules")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue,
                FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path)
            {
                return candidate.path
            }
            dir = dir.deletingLastPathComponent()
        }
        return "Rules"
    }
}

extension SimpleDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument.count == 10, let date = SimpleDate(parsing: argument) else { return nil }
        self = date
    }
}
