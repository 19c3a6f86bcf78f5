import Foundation
import POSIXKit

/// Where the shipped rules are, and how they were found: `pubgate config show` prints both, so an
/// administrator can tell which rules a run used.
///
/// In order: `--rules`; beside an installed binary (`../share/pubgate/rules` from the executable:
/// `/usr/bin/pubgate` → `/usr/share/pubgate/rules`, wherever the package or image put it);
/// `PUBGATE_RULES` (a binary copied somewhere on its own); the `Rules/` of the source tree the
/// binary was built in (`.build/debug/pubgate`).
struct RulesLocation {
    let path: String
    /// How it was found, in words.
    let how: String

    /// Relative to the executable's folder.
    static let installedRelativePath = "../share/pubgate/rules"

    /// The rules `explicit` names, or the shipped ones; nil when there are none to be found.
    static func find(explicit: String?) -> RulesLocation? {
        if let explicit { return RulesLocation(path: explicit, how: "--rules") }
        return shipped
    }

    /// The shipped rules (ignoring `--rules`): the fallback for a custom rules folder without its
    /// own `policy.yaml` or `classify.yaml`.
    static var shipped: RulesLocation? {
        let binary = URL(fileURLWithPath: executablePath()).resolvingSymlinksInPath()
        let installed = binary.deletingLastPathComponent().appendingPathComponent(installedRelativePath).standardizedFileURL.path
        if isFolder(installed) { return RulesLocation(path: installed, how: "installed with the binary (\(binary.path))") }
        if let env = ProcessInfo.processInfo.environment["PUBGATE_RULES"], !env.isEmpty {
            return RulesLocation(path: env, how: "PUBGATE_RULES")
        }
        var dir = binary.deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("Rules").path
            if isFolder(candidate), FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                return RulesLocation(path: candidate, how: "the source tree the binary was built in")
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// Where the shipped rules were looked for, for the error when none are found.
    static var searched: String {
        let binary = URL(fileURLWithPath: executablePath()).resolvingSymlinksInPath()
        let installed = binary.deletingLastPathComponent().appendingPathComponent(installedRelativePath).standardizedFileURL.path
        return "\(installed), PUBGATE_RULES (not set), and no source tree above \(binary.deletingLastPathComponent().path)"
    }

    /// This binary's own path (found on PATH, argv[0] is only `pubgate`).
    static func executablePath() -> String {
        Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    private static func isFolder(_ path: String) -> Bool {
        POSIXFiles.isDirectory(path) == true
    }
}
