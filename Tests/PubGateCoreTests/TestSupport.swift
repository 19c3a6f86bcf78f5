import Foundation

@testable import PubGateCore

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let reviewDate = SimpleDate(year: 2025, month: 6, day: 30)!

/// The shipped rules, document types and settings, loaded once.
let shippedConfiguration: ReviewConfiguration = try! ReviewConfiguration.load(
    rulesPath: packageRoot.appendingPathComponent("Rules").path, site: nil
).0
let shippedRules = shippedConfiguration.rules
let shippedSettings = shippedConfiguration.settings
let shippedClassifier = shippedConfiguration.classifier
let shippedPhrasebook = shippedConfiguration.expiry.phrasebook

/// Ingests and classifies `text` as if it were a file named `name`.
func classify(_ text: String, name: String) -> ClassifiedDocument {
    shippedClassifier.classify(IngestStage().run(RawInput(path: name, bytes: Array(text.utf8))))
}

/// Runs ingest, classify and scan over `bytes` as if it were a file named `name`.
func scan(_ bytes: [UInt8], name: String, rules: RuleSet = shippedRules) -> (IngestedDocument, [Finding]) {
    let ingested = IngestStage().run(RawInput(path: name, bytes: bytes))
    let classified = shippedClassifier.classify(ingested)
    let findings = RuleScanner(rules: rules, asOf: reviewDate, showMatches: true).scan(classified)
    return (ingested, ingested.findings + findings)
}

func scan(_ text: String, name: String) -> (IngestedDocument, [Finding]) {
    scan(Array(text.utf8), name: name)
}

/// A random folder name without digits: outputs mask long digit runs in paths (a UUID can hold
/// one), and tests find documents by the end of their path.
func lettersOnlyName() -> String {
    String((0..<20).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
}

/// Writes `files` (name → text) into a fresh temporary folder and reviews it as one batch.
func reviewBatch(
    _ files: [(String, String)], configuration: ReviewConfiguration = shippedConfiguration, published: [(String, String)] = [],
    index: CorpusIndex? = nil, in folder: URL? = nil, showMatches: Bool = false
) throws -> Manifest {
    // A caller's folder is the caller's to remove: two runs over the same paths compare whole.
    let root = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-test-\(lettersOnlyName())")
    defer { if folder == nil { try? FileManager.default.removeItem(at: root) } }
    func write(_ files: [(String, String)], into folder: String) throws -> String {
        let dir = root.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir.path
    }
    let batch = try write(files, into: "batch")
    let site = published.isEmpty ? [] : [try write(published, into: "site")]
    var options = ReviewOptions(asOf: reviewDate, showMatches: showMatches, published: site)
    options.index = index
    return try ReviewPipeline(configuration: configuration, options: options, version: "test").run(paths: [batch]).manifest
}

extension Manifest {
    /// The review of the document whose file name is `name`.
    func document(_ name: String) -> DocumentReview? {
        documents.first { $0.path.hasSuffix("/" + name) }
    }
}
