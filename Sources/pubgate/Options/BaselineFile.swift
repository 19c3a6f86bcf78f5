import Foundation
import PubGateCore

/// Where the baseline of accepted findings is: `--baseline FILE`, else `.pubgate/baseline.json`
/// at the repository root (``RepositoryRoot``). Its entries name paths from that root.
enum BaselineFile {
    static let defaultRelativePath = ".pubgate/baseline.json"

    /// The baseline for a review: an explicit path must exist; the default is used only when present.
    static func load(explicit: String?, root: RepositoryRoot?) throws -> Baseline? {
        var path = explicit
        if path == nil, let candidate = root?.file(defaultRelativePath), FileManager.default.fileExists(atPath: candidate) { path = candidate }
        guard let path else { return nil }
        do {
            return try Baseline.load(path)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitStatus.badConfiguration
        }
    }
}
