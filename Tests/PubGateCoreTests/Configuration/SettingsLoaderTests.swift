import Foundation
import Testing

@testable import PubGateCore

@Suite struct SettingsLoaderTests {
    let defaults = packageRoot.appendingPathComponent("Rules/policy.yaml").path

    /// Writes `yaml` to a site file in this process's own temporary folder, removed when the tests
    /// exit (the loader's messages name the file, so each test needs a path that stays readable).
    func siteFile(_ yaml: String) throws -> String {
        let path = Self.folder.appendingPathComponent("site-\(lettersOnlyName()).yml").path
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

    /// A section whose column pattern does not compile would match no page, and its pages would
    /// lose the 公开属性 the site gives them: the settings are refused, naming the section.
    @Test func aSectionWhosePatternDoesNotCompileIsAnError() throws {
        let broken = try siteFile("sections:\n  - column: \"政务公开\"\n    attribute: 主动公开\n  - column: \"(行政处罚\"\n    type: penalty\n")
        #expect {
            try SettingsLoader().load(defaults: defaults, site: broken)
        } throws: { error in
            "\(error)".contains(broken) && "\(error)".contains("section 2: column pattern")
        }
        let named = try siteFile("sections:\n  - column: \"行政处罚\"\n")
        #expect(throws: ConfigurationError.self) { try SettingsLoader().load(defaults: defaults, site: named) }
        let fine = try siteFile("sections:\n  - path: \"zwgk/xzcf/**\"\n    column: \"行政处罚\"\n    type: penalty\n")
        #expect(try SettingsLoader().load(defaults: defaults, site: fine).settings.sections.count == 1)
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
            aggregation: shippedConfiguration.aggregation, expiry: shippedConfiguration.expiry)
        let m = try reviewBatch([("p.md", InterpretationLinkTests.policy)], configuration: configuration)
        #expect(m.document("p.md")?.decision == .approve)
        #expect(m.document("p.md")?.findings.first?.severity == .warn)
    }

    @Test func publicNumbersAreNotPersonalData() throws {
        var settings = shippedSettings
        settings.publicNumbers = ["139-1234-5678"]
        let configuration = ReviewConfiguration(
            rules: shippedRules, documentTypes: shippedConfiguration.documentTypes, settings: settings,
            aggregation: shippedConfiguration.aggregation, expiry: shippedConfiguration.expiry)
        let text = "---\ntitle: 值班电话\ndisclosure: 主动公开\n---\n值班手机：13912345678。\n"
        #expect(try reviewBatch([("a.md", text)], configuration: configuration).document("a.md")?.decision == .approve)
        #expect(try reviewBatch([("a.md", text)]).document("a.md")?.decision == .reject)
    }

    @Test func siteFileIsTheRepositoryRootsWhicheverFolderIsNamed() async throws {
        let dir = URL(
            fileURLWithPath: InputCollector.canonical(FileManager.default.temporaryDirectory.appendingPathComponent("tree-\(lettersOnlyName())").path)
        )
        let sub = dir.appendingPathComponent("content/tzgg")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The root is asked of git, waited for off Swift's pool.
        #expect(await OwnThreads.run { RepositoryRoot.find(for: [dir.path]) }.settingsFile == nil)
        try Data("severity: {}\n".utf8).write(to: dir.appendingPathComponent(".pubgate.yml"))
        try Data("severity: {}\n".utf8).write(to: sub.appendingPathComponent(".pubgate.yml"))
        let outside = await OwnThreads.run { RepositoryRoot.find(for: [dir.path]) }
        #expect(!outside.isGit && outside.settingsFile == dir.appendingPathComponent(".pubgate.yml").path)
        // In a git repository the top level decides, not the folder named.
        #expect(await OwnThreads.run { ChildProcess.git(["init", "-q"], in: dir.path) }.status == 0)
        let inside = await OwnThreads.run { RepositoryRoot.find(for: [sub.path + "/a.md"]) }
        #expect(inside.isGit && inside.path == dir.path && inside.settingsFile == dir.appendingPathComponent(".pubgate.yml").path)
        #expect(inside.relative(sub.path + "/a.md") == "content/tzgg/a.md" && inside.relative("/elsewhere/a.md") == nil)
    }

    /// The repository's file comes after `--config`, and may only tighten it: a masking template
    /// where the site has none, not another one (issue 18).
    @Test func theRepositorysFileOverridesTheConfigFileOnlyToTighten() throws {
        let operatorFile = try siteFile("masking:\n  resident_id: \"4+4\"\n")
        let tree = try siteFile("masking:\n  mobile: \"3+2\"\n")
        let loaded = try SettingsLoader().load(defaults: defaults, site: operatorFile, tree: tree)
        #expect(loaded.settings.masking.residentID == "4+4" && loaded.settings.masking.mobile == "3+2")
        #expect(loaded.origins["masking.mobile"] == tree && loaded.origins["masking.resident_id"] == operatorFile)
        let changing = try siteFile("masking:\n  resident_id: \"6+4\"\n")
        #expect(throws: ConfigurationError.self) { try SettingsLoader().load(defaults: defaults, site: operatorFile, tree: changing) }
    }

    /// The reviewed tree's file can raise severities (floors, applied after every override) and
    /// never lower them: a floor below a rule's own severity is refused, and one that only names a
    /// rule whose findings the site already lowered cannot raise them past itself.
    @Test func treeSeveritiesAreFloorsAndLoweringIsRefused() throws {
        let loader = SettingsLoader(rules: shippedRules)
        let raise = try siteFile("severity:\n  landline: review\n")
        let settings = try loader.load(defaults: defaults, site: nil, tree: raise).settings
        #expect(settings.severity.isEmpty && settings.severityFloors == ["landline": .review])
        let policy = DecisionPolicy(settings: settings)
        let landline = Finding(ruleID: "pi_landline", kind: .landline, severity: .info, message: "")
        #expect(policy.adjust([landline]).first?.severity == .review)
        for lower in ["severity:\n  pi_resident_id_18: info\n", "severity:\n  resident_id: review\n", "attribute:\n  missing_official: fix\n"] {
            let tree = try siteFile(lower)
            #expect(throws: ConfigurationError.self, "\(lower)") { try loader.load(defaults: defaults, site: nil, tree: tree) }
        }
        // With --config lowering a rule, the tree cannot undo the floor nor go below the site's choice.
        let site = try siteFile("severity:\n  pi_mobile: review\n")
        let below = try siteFile("severity:\n  pi_mobile: fix\n")
        #expect(throws: ConfigurationError.self) { try loader.load(defaults: defaults, site: site, tree: below) }
        let same = try siteFile("severity:\n  pi_mobile: block\n")
        let both = try loader.load(defaults: defaults, site: site, tree: same)
        #expect(both.settings.severity["pi_mobile"] == .review && both.settings.severityFloors["pi_mobile"] == .block)
        #expect(both.files.map(\.role) == [.config, .reviewedTree])
    }

    /// Keys only the site's own file may set, and tightening lists, are told apart per key.
    @Test func treeFileTighteningIsCheckedKeyByKey() throws {
        let loader = SettingsLoader(rules: shippedRules)
        let allowed = [
            "decision:\n  reject: [block, review, fix, warn]\n", "publication:\n  interpretation:\n    required_for: [normative, policy]\n",
            "publication:\n  consultation:\n    min_workdays: 30\n", "masking:\n  resident_id: \"4+4\"\n", "public_numbers: []\n",
        ]
        for yaml in allowed { _ = try loader.load(defaults: defaults, site: nil, tree: try siteFile(yaml)) }
        let refused = [
            "decision:\n  reject: [block, review]\n", "publication:\n  interpretation:\n    required_for: []\n",
            "publication:\n  consultation:\n    min_workdays: 3\n", "publication:\n  normative:\n    default_years: 3\n",
            "archive:\n  source_organization: 某局\n", "public_numbers: [\"024-42171135\"]\n",
        ]
        for yaml in refused {
            let tree = try siteFile(yaml)
            #expect(throws: ConfigurationError.self, "\(yaml)") { try loader.load(defaults: defaults, site: nil, tree: tree) }
        }
        // A template the site already has cannot be changed from the tree.
        let site = try siteFile("masking:\n  resident_id: \"4+4\"\n")
        let other = try siteFile("masking:\n  resident_id: \"6+4\"\n")
        #expect(throws: ConfigurationError.self) { try loader.load(defaults: defaults, site: site, tree: other) }
    }

    /// A `severity:` key that names no rule or kind stopped nothing and did nothing; the list of
    /// rule ids made in code must name every id the sources emit, or such a key would be refused.
    @Test func severityKeysMustNameARuleOrAKind() throws {
        let loader = SettingsLoader(rules: shippedRules)
        #expect(throws: ConfigurationError.self) { try loader.load(defaults: defaults, site: try siteFile("severity:\n  pi_mobil: info\n")) }
        for key in ["pi_mobile", "mobile", "attribute_missing", "A-03", "hidden_comments"] {
            _ = try loader.load(defaults: defaults, site: try siteFile("severity:\n  \(key): warn\n"))
        }
        let sources = packageRoot.appendingPathComponent("Sources/PubGateCore")
        var emitted = Set<String>()
        let literal = try NSRegularExpression(pattern: #"(?:ruleID|rule): "([A-Za-z0-9_-]+)""#)
        for case let file as String in FileManager.default.enumerator(atPath: sources.path)! where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            for match in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                emitted.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(emitted.count > 20)
        #expect(emitted.subtracting(BuiltInRuleIDs.all).isEmpty, "not in BuiltInRuleIDs: \(emitted.subtracting(BuiltInRuleIDs.all).sorted())")
    }
}
