import Foundation

@testable import PubGateCore

/// The office, OFD and PDF files `Scripts/make-ingest-fixtures.py` makes with real tools.
enum Fixtures {
    static let folder = packageRoot.appendingPathComponent("Tests/Fixtures/Ingest")

    static func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data())
    }

    /// Ingest, classify and scan of fixture `name`: the document and every finding.
    static func scanned(_ name: String) -> (IngestedDocument, [Finding]) {
        scan(bytes(name), name: name)
    }
}

extension [Finding] {
    /// The first finding of `rule` whose location is in `container`.
    func first(_ rule: String, at container: String) -> Finding? {
        first { $0.ruleID == rule && $0.location?.container == container }
    }
}
