import Foundation
import Testing
@testable import PubGateCore

@Suite struct SettingsLoaderTests {
    let defaults = packageRoot.appendingPathComponent("Rules/policy.yaml").path

    /// Writes `yaml` to a site file in this process's own temporary folder, removed when the tests
    /// exit (the loader's messages name the file, so each test needs a path that stays readable).
    func siteFile(_ yaml: String) throws -> String {
        let path = Self.folder.appendingPathComponent("site-\(UUID().uuidString).yml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Created once; a failure shows as the write's error.
    static let folder: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-settings-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "pubgate-settings-tests-\(getpid())") }
        return dir
    }()

    @Test func siteOverridesKeyByKeyAndKeepsTheRest() throws {
        let site = try siteFile("publication:\n  interpretation:\n    missing: warn\nmasking:\n  resident_id: \"4+4\"\n")
        let loaded = try SettingsLoader().load(defaults: defaults, site: site)
        #expect(loaded.settings.publication.interpretation.missing == .warn)
        #expect(loaded.settings.publication.interpretation.fields == .fix)
        #expect(loaded.settings.masking.residentID == "4+4")
        #expect(loaded.origins["publication.interpretation.missing"] == site)
        #expect(loaded.origins["publication.interpretation.fields"] == defaults)
        #expect(loaded.describe().contains("masking.resident_id: 4+4  # \(site)"))
    }

    @Test func unknownKeyIsAnErrorNamingIt() throws {
        let site = try siteFile("publication:\n  interpretaton:\n    missing: warn\n")
        #expect {
            try SettingsLoader().load(defaults: defaults, site: site)
        } throws: { error in
            "\(error)".contains(site) && "\(error)".contains("publication.interpretaton")
        }
    }

    @Test func badValueIsAnError() throws {
        let site = try siteFile("decision:\n  reject: [blok]\n")
        #expect(throws: ConfigurationError.self) { try SettingsLoader().load(defaults: defaults, site: site) }
    }

    @Test func severityOverridesChangeTheDecision() throws {
        let site = try siteFile("severity:\n  interpretation_missing: warn\n")
        let settings = try SettingsLoader().load(defaults: defaults, site: site).settings
        let configuration = ReviewConfiguration(
            rules: shippedRules, documentTypes: shippedConfiguration.documentTypes, settings: settings,
            aggregation: shippedConfiguration.aggregation)
        let m = try reviewBatch([("p.md", InterpretationLinkTests.policy)], configuration: configuration)
        #expect(m.document("p.md")?.decision == .approve)
        #expect(m.document("p.md")?.findings.first?.severity == .warn)
    }

    @Test func publicNumbersAreNotPersonalData() throws {
        var settings = shippedSettings
        settings.publicNumbers = ["139-1234-5678"]
        let configuration = ReviewConfiguration(
            rules: shippedRules, documentTypes: shippedConfiguration.documentTypes, settings: settings,
            aggregation: shippedConfiguration.aggregation)
        let text = "---\ntitle: 值班电话\ndisclosure: 主动公开\n---\n值班手机：13912345678。\n"
        #expect(try reviewBatch([("a.md", text)], configuration: configuration).document("a.md")?.decision == .approve)
        #expect(try reviewBatch([("a.md", text)]).document("a.md")?.decision == .reject)
    }

    @Test func siteFileIsTheRepositoryRootsWhicheverFolderIsNamed() throws {
        let dir = URL(fileURLWithPath: InputCollector.canonical(FileManager.default.temporaryDirectory.appendingPathComponent("tree-\(UUID().uuidString)").path))
        let sub = dir.appendingPathComponent("content/tzgg")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(RepositoryRoot.find(for: [dir.path]).settingsFile == nil)
        try Data("severity: {}\n".utf8).write(to: dir.appendingPathComponent(".pubgate.yml"))
        try Data("severity: {}\n".utf8).write(to: sub.appendingPathComponent(".pubgate.yml"))
        let outside = RepositoryRoot.find(for: [dir.path])
        #expect(!outside.isGit && outside.settingsFile == dir.appendingPathComponent(".pubgate.yml").path)
        // In a git repository the top level decides, not the folder named.
        #expect(Subprocess.git(["init", "-q"], in: dir.path).status == 0)
        let inside = RepositoryRoot.find(for: [sub.path + "/a.md"])
        #expect(inside.isGit && inside.path == dir.path && inside.settingsFile == dir.appendingPathComponent(".pubgate.yml").path)
        #expect(inside.relative(sub.path + "/a.md") == "content/tzgg/a.md" && inside.relative("/elsewhere/a.md") == nil)
    }

    @Test func theRepositorysFileOverridesTheConfigFile() throws {
        let operatorFile = try siteFile("masking:\n  resident_id: \"4+4\"\n  mobile: \"3+4\"\n")
        let tree = try siteFile("masking:\n  mobile: \"3+2\"\n")
        let loaded = try SettingsLoader().load(defaults: defaults, site: operatorFile, tree: tree)
        #expect(loaded.settings.masking.residentID == "4+4" && loaded.settings.masking.mobile == "3+2")
        #expect(loaded.origins["masking.mobile"] == tree && loaded.origins["masking.resident_id"] == operatorFile)
    }
}
