import Foundation
import PubGateCore

/// Where the corpus index is: `--index FILE`, else `.pubgate/index.sqlite` under a folder.
enum IndexOptions {
    static let defaultRelativePath = ".pubgate/index.sqlite"

    /// The index to read for a review: an explicit path must exist; the default is used only when present.
    static func open(explicit: String?, defaultIn paths: [String]) throws -> CorpusIndex? {
        let path: String
        if let explicit {
            path = explicit
        } else {
            guard let folder = paths.first(where: { isFolder($0) }) else { return nil }
            let candidate = (folder as NSString).appendingPathComponent(defaultRelativePath)
            guard FileManager.default.fileExists(atPath: candidate) else { return nil }
            path = candidate
        }
        do {
            return try CorpusIndex(path: path, create: false)
        } catch {
            FileHandle.standardError.write(Data("error: index \(error.description)\n".utf8))
            throw ExitStatus.ioError
        }
    }

    /// The index to write (created and migrated as needed).
    static func openForWriting(_ path: String) throws -> CorpusIndex {
        do {
            return try CorpusIndex(path: path, create: true)
        } catch {
            FileHandle.standardError.write(Data("error: index \(error.description)\n".utf8))
            throw ExitStatus.ioError
        }
    }

    static let defaultBaselinePath = ".pubgate/baseline.json"

    /// The baseline for a review: an explicit path must exist; the default is used only when present.
    static func baseline(explicit: String?, defaultIn paths: [String]) throws -> Baseline? {
        var path = explicit
        if path == nil, let folder = paths.first(where: { isFolder($0) }) {
            let candidate = (folder as NSString).appendingPathComponent(defaultBaselinePath)
            if FileManager.default.fileExists(atPath: candidate) { path = candidate }
        }
        guard let path else { return nil }
        do {
            return try Baseline.load(path)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitStatus.badConfiguration
        }
    }

    /// Runs the review pipeline; an index that fails mid-run ends it with exit 74, nothing approved.
    static func review(_ configuration: ReviewConfiguration, _ options: ReviewOptions, paths: [String]) throws -> ReviewOutcome {
        do {
            return try ReviewPipeline(configuration: configuration, options: options, version: PubGate.version).run(paths: paths)
        } catch {
            FileHandle.standardError.write(Data("error: index \(error.description); nothing was approved\n".utf8))
            throw ExitStatus.ioError
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
