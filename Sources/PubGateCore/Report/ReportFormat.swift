import Foundation

/// The reports a review can write besides the manifest (`--format`, several at once).
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `manifest.json`, `approve.json`, `reject.json` (always written).
    case json
    /// `pubgate.sarif` (SARIF 2.1.0).
    case sarif
    /// `junit.xml`.
    case junit
    /// `findings.csv`.
    case csv
    /// `report.html`: the reviewer's page.
    case html

    public var fileName: String {
        switch self {
        case .json: "manifest.json"
        case .sarif: "pubgate.sarif"
        case .junit: "junit.xml"
        case .csv: "findings.csv"
        case .html: "report.html"
        }
    }

    /// Writes this report of `manifest` into `directory`, atomically, as `options` ask.
    public func write(_ manifest: Manifest, to directory: String, options: ReportOptions) throws {
        let path = directory + "/" + fileName
        switch self {
        case .json:
            try ManifestWriter.write(manifest, to: path)
            try AtomicWriter.writeJSON(DecisionList(decision: .approve, manifest: manifest), to: directory + "/approve.json")
            try AtomicWriter.writeJSON(DecisionList(decision: .reject, manifest: manifest), to: directory + "/reject.json")
        case .sarif: try AtomicWriter.write(try SARIFReport(manifest, options: options).encoded(), to: path)
        case .junit: try AtomicWriter.write(Data(JUnitReport.render(manifest, options: options).utf8), to: path)
        case .csv: try AtomicWriter.write(Data(FindingsCSV.render(manifest, options: options).utf8), to: path)
        case .html: try AtomicWriter.write(Data(try HTMLReport.render(manifest, options: options).utf8), to: path)
        }
    }

    /// Parses `json,sarif` lists (repeatable option values); nil names the first unknown format.
    public static func parse(_ values: [String]) -> Result<[ReportFormat], FormatError> {
        var out: [ReportFormat] = [.json]
        for name in values.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let f = ReportFormat(rawValue: name) else { return .failure(FormatError(name: name)) }
            if !out.contains(f) { out.append(f) }
        }
        return .success(out)
    }

    public struct FormatError: Error {
        public let name: String
    }
}
