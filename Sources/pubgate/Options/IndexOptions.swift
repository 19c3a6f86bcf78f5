import Foundation
import POSIXKit
import PubGateCore

/// Where the corpus index is: `--index FILE`, else `.pubgate/index.sqlite` at the repository root
/// (``RepositoryRoot``) or under the site folder.
enum IndexOptions {
    static let defaultRelativePath = ".pubgate/index.sqlite"

    /// The index to read for a review: an explicit path must exist; the default is used only when present.
    static func open(explicit: String?, defaultIn folder: String?) throws -> CorpusIndex? {
        let path: String
        if let explicit {
            path = explicit
        } else {
            guard let folder else { return nil }
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

    static func isFolder(_ path: String) -> Bool {
        POSIXFiles.isDirectory(path) == true
    }
}
