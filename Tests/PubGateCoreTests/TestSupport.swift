import Foundation
@testable import PubGateCore

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let reviewDate = SimpleDate(year: 2025, month: 6, day: 30)!

/// The shipped rules, loaded once.
let shippedRules: RuleSet = try! RuleSet.load(from: packageRoot.appendingPathComponent("Rules").path)

/// Runs ingest, classify and scan over `bytes` as if it were a file named `name`.
func scan(_ bytes: [UInt8], name: String, rules: RuleSet = shippedRules) -> (IngestedDocument, [Finding]) {
    let ingested = IngestStage().run(RawInput(path: name, bytes: bytes))
    let classified = Classifier().classify(ingested)
    let findings = Scanner(rules: rules, asOf: reviewDate, showMatches: true).scan(classified)
    return (ingested, ingested.findings + findings)
}

func scan(_ text: String, name: String) -> (IngestedDocument, [Finding]) {
    scan(Array(text.utf8), name: name)
}
