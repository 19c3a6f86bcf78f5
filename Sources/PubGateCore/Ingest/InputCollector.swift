import Foundation
import POSIXKit

/// Expands the paths a user gave into the list of files to review, in a stable order.
///
/// Folders are walked recursively; symbolic links are followed only when they resolve inside the
/// folder being walked, so a link cannot pull files from outside the reviewed tree. A path that
/// does not exist is reported, not ignored. A review walks hidden entries too (`.x.txt`, `.dir/`
/// are served like any file; skipping them let a folder holding only one give "0 documents") but
/// for version-control data, pubgate's own `.pubgate/` folder and the tree's settings file; the
/// sweep, the index and the monthly list skip hidden entries as the site generator does. In the
/// folders given in `excluding` (the run's own output folder) pubgate's own files are left out,
/// so a review of `.` with `--out out` does not review its previous manifests, while a draft put
/// there is still reviewed. Whatever a walk leaves out is listed with its reason in `excluded`,
/// never dropped silently.
public struct InputCollector: Sendable {
    /// A path the collector could not use, with the reason.
    public struct Problem: Sendable, Equatable {
        public let path: String
        /// The reason in English (the manifest's message, stderr of sweep and index).
        let reason: String
        /// The reason's sentence in the message catalogue (`unscannable.*`).
        let reasonID: String
        /// True for paths deliberately not followed (links out of the tree). A review rejects them,
        /// since what they point at was not reviewed and a server may follow them; the sweep and the
        /// monthly list leave them alone.
        public var isSkipped = false

        init(path: String, reasonID: String, isSkipped: Bool = false) {
            self.path = path
            self.reasonID = reasonID
            self.reason = MessageCatalogues.english.text(reasonID, [:]) ?? reasonID
            self.isSkipped = isSkipped
        }
    }

    /// A path inside a reviewed folder deliberately not reviewed, and why (the manifest's `excluded`).
    struct Exclusion: Sendable, Equatable, Codable {
        public let path: String
        /// The reason in English, as the manifest records it.
        let reason: String
        /// The reason's sentence in the message catalogue (`excluded.*`), so the summary says it
        /// in the reader's language; nil for one read back from a manifest.
        let reasonID: String?

        init(path: String, reasonID: String) {
            self.init(path: path, reason: MessageCatalogues.english.text(reasonID, [:]) ?? reasonID, reasonID: reasonID)
        }

        init(path: String, reason: String, reasonID: String?) {
            self.path = path
            self.reason = reason
            self.reasonID = reasonID
        }

        private enum CodingKeys: String, CodingKey { case path, reason }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(path: try c.decode(String.self, forKey: .path), reason: try c.decode(String.self, forKey: .reason), reasonID: nil)
        }
    }

    /// What a walk found.
    public struct Inputs: Sendable {
        /// Files in order (sorted within each argument).
        public var files: [String] = []
        /// Their sizes in bytes, from the same stat that walked them (the review hands out the largest first).
        var sizes: [Int] = []
        /// Paths that could not be used.
        var problems: [Problem] = []
        /// Paths left out on purpose.
        var excluded: [Exclusion] = []
    }

    /// Hidden entries a review does not read as documents, and why.
    static let hiddenExclusions: [String: String] = [
        ".git": "excluded.version_control", ".hg": "excluded.version_control", ".svn": "excluded.version_control",
        ".pubgate": "excluded.pubgate_data",
    ]

    private let excluded: Set<String>
    private let reviewsHidden: Bool
    private let settingsFile: String?

    /// `reviewingHidden`: walk hidden files and folders (a review); else skip them (sweep, index).
    /// `settingsFile`: the reviewed tree's `.pubgate.yml` the run applied, read as settings.
    public init(excluding: [String] = [], reviewingHidden: Bool = false, settingsFile: String? = nil) {
        excluded = Set(excluding.map(Self.canonical))
        reviewsHidden = reviewingHidden
        self.settingsFile = settingsFile.map(Self.canonical)
    }

    public func collect(_ paths: [String]) -> Inputs {
        var inputs = Inputs()
        var seen = Set<String>()
        for path in paths {
            guard let status = POSIXFiles.status(of: path) else {
                inputs.problems.append(Problem(path: path, reasonID: "unscannable.no_such_file"))
                continue
            }
            if status.kind != .directory {
                if status.kind != .regular {
                    inputs.problems.append(Problem(path: path, reasonID: "unscannable.not_regular"))
                    continue
                }
                if seen.insert(Self.canonical(path)).inserted {
                    inputs.files.append(path)
                    inputs.sizes.append(status.size)
                }
                continue
            }
            let root = Self.canonical(path)
            var found: [Found] = []
            walk(directory: path, canonicalDirectory: root, root: root, into: &found, inputs: &inputs)
            for file in found.sorted(by: { $0.path < $1.path }) where seen.insert(file.canonical).inserted {
                inputs.files.append(file.path)
                inputs.sizes.append(file.size)
            }
        }
        return inputs
    }

    /// A file met in a folder: its path as walked, its path with links resolved, its size.
    private struct Found {
        public let path: String
        let canonical: String
        let size: Int
    }

    /// Walks `directory`, whose path with links resolved is `canonicalDirectory`. One `lstat` per
    /// entry: resolving every path and asking FileManager for a dictionary of attributes took a
    /// fifth of a second for 3,000 files. Only real folders are entered, so a child's resolved path
    /// is its folder's plus its name; symbolic links are resolved one by one.
    private func walk(
        directory: String, canonicalDirectory: String, root: String, into found: inout [Found], inputs: inout Inputs,
        isOutputFolder: Bool = false
    ) {
        let fm = FileManager.default
        let entries: [String]
        do {
            entries = try fm.contentsOfDirectory(atPath: directory)
        } catch {
            inputs.problems.append(Problem(path: directory, reasonID: "unscannable.cannot_list"))
            return
        }
        for name in entries.sorted() where (reviewsHidden || !name.hasPrefix(".")) && !(isOutputFolder && Self.isOwnOutput(name, in: directory)) {
            let full = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let canonicalFull = canonicalDirectory.hasSuffix("/") ? canonicalDirectory + name : canonicalDirectory + "/" + name
            if reviewsHidden, let reason = exclusion(name, canonical: canonicalFull) {
                inputs.excluded.append(Exclusion(path: full, reasonID: reason))
                continue
            }
            guard let status = POSIXFiles.linkStatus(of: full) else {
                inputs.problems.append(Problem(path: full, reasonID: "unscannable.cannot_read"))
                continue
            }
            switch status.kind {
            case .directory:
                if excluded.contains(canonicalFull) {
                    // Its own outputs are not drafts; anything else put there is reviewed.
                    inputs.excluded.append(Exclusion(path: full, reasonID: "excluded.output_folder"))
                    walk(directory: full, canonicalDirectory: canonicalFull, root: root, into: &found, inputs: &inputs, isOutputFolder: true)
                } else {
                    walk(directory: full, canonicalDirectory: canonicalFull, root: root, into: &found, inputs: &inputs)
                }
            case .symbolicLink:
                let resolved = Self.canonical(full)
                guard resolved.hasPrefix(root + "/") else {
                    inputs.problems.append(
                        Problem(path: full, reasonID: "unscannable.link_outside", isSkipped: true))
                    continue
                }
                guard let target = POSIXFiles.status(of: resolved) else {
                    inputs.problems.append(Problem(path: full, reasonID: "unscannable.dangling_link"))
                    continue
                }
                // A link to a folder inside the tree is not entered: the folder is walked as itself.
                if target.kind != .directory { found.append(Found(path: full, canonical: resolved, size: target.size)) }
            case .regular:
                found.append(Found(path: full, canonical: canonicalFull, size: status.size))
            case .other:
                // Reading a named pipe blocks until a writer comes; a device or socket is no document.
                inputs.problems.append(Problem(path: full, reasonID: "unscannable.not_regular"))
            }
        }
    }

    /// Whether entry `name` of the output folder `directory` is pubgate's own: a file a run writes
    /// beside its output sets (the sweep's journal, lock and archives, the sets' folder, leftovers),
    /// or a set's file as a link into `.pubgate-output/` (``OutputSet``) — a regular file under such
    /// a name was put there by someone else and is reviewed like any draft.
    static func isOwnOutput(_ name: String, in directory: String) -> Bool {
        if isRunFile(name) { return true }
        guard isSetFile(name) else { return false }
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: (directory as NSString).appendingPathComponent(name))
        return target?.hasPrefix(OutputSet.folderName + "/") == true
    }

    /// The files of an output set: manifests, lists, reports, a monthly list.
    private static func isSetFile(_ name: String) -> Bool {
        ["manifest.json", "approve.json", "reject.json", "purge.json", "relabel.json"].contains(name)
            || ReportFormat.allCases.contains { $0.fileName == name }
            || (name.hasPrefix("monthly-") && (name.hasSuffix(".json") || name.hasSuffix(".csv")))
    }

    /// The files a run writes beside its output sets.
    private static func isRunFile(_ name: String) -> Bool {
        let archive = name.hasPrefix("pubgate-sweep-") && (name.hasSuffix(".tar.gz") || name.hasSuffix(".tar.gz.sha256"))
        return ["journal.jsonl", OutputSet.folderName, ".pubgate-sweep.lock"].contains(name) || archive || OutputSet.isLeftover(name)
    }

    /// Why a hidden entry of a reviewed folder is not read as a document (its catalogue sentence),
    /// or nil to review it.
    private func exclusion(_ name: String, canonical: String) -> String? {
        if let reason = Self.hiddenExclusions[name] { return reason }
        if canonical == settingsFile { return "excluded.settings_file" }
        return nil
    }

    /// `path` absolute, with links resolved and `.`/`..` removed: how two names of one file compare.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
