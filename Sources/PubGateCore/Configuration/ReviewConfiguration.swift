import Foundation
import POSIXKit

/// Everything a review is configured by: scan rules, document-type cues, the site's settings, the
/// aggregation thresholds, the expiry rules (whose validity phrasings classify reads) and the repealed
/// bases.
///
/// All live in the rules folder (`*.yaml` rule files, `classify.yaml`, `policy.yaml`,
/// `aggregation.yaml`, `expiry.yaml`); the site's own settings file overrides `policy.yaml`.
/// Loaded once, shared by every worker.
public struct ReviewConfiguration: Sendable {
    public let rules: RuleSet
    let documentTypes: DocumentTypeRules
    let settings: Settings
    let aggregation: AggregationRules
    public let expiry: ExpiryRules
    let repealed: RepealedBases
    /// Stage 2, built from the document types, the validity phrasings and the site's sections.
    public let classifier: Classifier

    init(
        rules: RuleSet, documentTypes: DocumentTypeRules, settings: Settings, aggregation: AggregationRules, expiry: ExpiryRules,
        repealed: RepealedBases = RepealedBases()
    ) {
        self.rules = rules
        self.documentTypes = documentTypes
        self.settings = settings
        self.aggregation = aggregation
        self.expiry = expiry
        self.repealed = repealed
        classifier = Classifier(types: documentTypes, phrasebook: expiry.phrasebook, sections: settings.sections)
    }

    /// The folder holding `classify.yaml` and `policy.yaml` for a rules path (a folder, or a file in one).
    public static func folder(of rulesPath: String) -> String {
        if POSIXFiles.isDirectory(rulesPath) == true { return rulesPath }
        return (rulesPath as NSString).deletingLastPathComponent
    }

    /// The path of a configuration file beside the rules, or in `fallbackFolder` when the rules
    /// folder has none.
    public static func resolve(_ name: String, rulesPath: String, fallbackFolder: String?) -> String {
        let own = (folder(of: rulesPath) as NSString).appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: own), let fallbackFolder else { return own }
        return (fallbackFolder as NSString).appendingPathComponent(name)
    }

    /// Loads the rules at `rulesPath` with the document types, settings and message catalogues
    /// (`messages/`) beside them (or, when a custom rules folder has none, those in
    /// `fallbackFolder`); `site` (`--config`) overrides the settings, `tree` (the reviewed tree's
    /// `.pubgate.yml`) may only tighten them. pubgate's own patterns (``LinePatterns``) are
    /// compiled here too. Every problem names its file, and a pattern its name (exit 78 in the CLI).
    public static func load(
        rulesPath: String, site: String?, tree: String? = nil, fallbackFolder: String? = nil
    ) throws(ConfigurationError) -> (ReviewConfiguration, LoadedSettings) {
        // pubgate's own patterns first: a check must not run without its pattern.
        try LinePatterns.load()
        let file = { (name: String) in resolve(name, rulesPath: rulesPath, fallbackFolder: fallbackFolder) }
        // Without OpenCC's data, text in traditional characters would pass every rule.
        if case .failure(let error) = TraditionalFolding.shared {
            throw ConfigurationError(file: "t2s.json", message: "\(error.message) (install libopencc-data)")
        }
        let rules = try RuleSet.load(from: rulesPath)
        let types = try DocumentTypeRules.load(file: file(DocumentTypeRules.fileName))
        let loaded = try SettingsLoader(rules: rules).load(defaults: file(SettingsLoader.defaultsFileName), site: site, tree: tree)
        let aggregation = try AggregationRules.load(file: file(AggregationRules.fileName))
        let expiry = try ExpiryRules.load(file: file(ExpiryRules.fileName))
        let repealedFile = file(RepealedBases.fileName)
        let repealed = FileManager.default.fileExists(atPath: repealedFile) ? try RepealedBases.load(file: repealedFile) : RepealedBases()
        // Findings are recorded in the catalogue's English: without one nothing could be said.
        let messages = file(MessageCatalogues.folderName)
        guard FileManager.default.fileExists(atPath: (messages as NSString).appendingPathComponent(Language.en.fileName)) else {
            throw ConfigurationError(file: messages, message: "no message catalogue (\(Language.en.fileName)) beside the rules or the shipped rules")
        }
        try MessageCatalogues.use(folder: messages)
        return (
            ReviewConfiguration(
                rules: rules, documentTypes: types, settings: loaded.settings, aggregation: aggregation, expiry: expiry, repealed: repealed),
            loaded
        )
    }
}
