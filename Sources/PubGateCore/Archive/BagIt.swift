import ArchiveKit
import Crypto
import Foundation

/// A BagIt 1.0 bag (RFC 8493) of the pages a sweep purges, as tar entries under one bag folder.
///
/// `data/` holds each purged page and its rendered output at its path relative to the site root,
/// byte for byte; `purge-manifest.jsonl` (a tag file) says why each went; `manifest-sha256.txt`
/// and `tagmanifest-sha256.txt` list every file's digest, sorted, so the same purge gives the same
/// bag. `bag-info.txt` carries Source-Organization, Bagging-Date (the sweep date, not the clock),
/// Payload-Oxum, External-Identifier and Bag-Software-Agent.
struct BagIt: Sendable {
    /// `pubgate-sweep-<YYYYMMDD>-<12 hex of the purge manifest's sha256>`: the folder inside the
    /// archive, the archive's file name and the External-Identifier.
    let name: String
    /// Every file of the bag, paths starting with `name/`, sorted.
    let entries: [TarEntry]
    /// Payload octets and file count (Payload-Oxum).
    let payloadBytes: Int
    let payloadFiles: Int

    /// Builds the bag for `plan` from the site on disk. A file whose bytes no longer match the plan
    /// (changed since it was judged) stops the build: the archive must hold what was judged.
    static func build(
        plan: SweepPlan, layout: SiteLayout, organization: String, agent: String
    ) throws(ArchiveError) -> BagIt {
        var payload: [(String, [UInt8])] = []
        for item in plan.purge {
            let source = try read(layout, item.sitePath)
            guard sha256(source) == item.sha256 else {
                throw ArchiveError("\(item.sitePath) changed since the sweep judged it; run the sweep again")
            }
            payload.append((item.sitePath, source))
            for rendered in item.rendered { payload.append((rendered, try read(layout, rendered))) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var jsonl = ""
        for item in plan.purge {
            guard let line = try? encoder.encode(item.displayed) else { throw ArchiveError("cannot encode the purge manifest") }
            jsonl += String(decoding: line, as: UTF8.self) + "\n"
        }
        let purgeManifest = Array(jsonl.utf8)
        let payloadBytes = payload.reduce(0) { $0 + $1.1.count }
        // Named by date and content: a rerun that purges the same pages makes the same bag; one that
        // purges fewer (after an interrupted apply) never overwrites the earlier archive.
        let name =
            "pubgate-sweep-" + plan.asOf.description.replacingOccurrences(of: "-", with: "") + "-"
            + String(sha256(purgeManifest).prefix(12))
        let bagit = Array("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8)
        let info = Array(
            """
            Bag-Software-Agent: \(agent)
            Bagging-Date: \(plan.asOf)
            External-Description: Pages purged by the pubgate expiry sweep as of \(plan.asOf)
            External-Identifier: \(name)
            Payload-Oxum: \(payloadBytes).\(payload.count)
            Source-Organization: \(organization)

            """.utf8)
        let manifest = Array(
            payload.map { (encode("data/" + $0.0), sha256($0.1)) }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
                .map { "\($0.1)  \($0.0)\n" }.joined().utf8)
        let tags: [(String, [UInt8])] = [
            ("bag-info.txt", info), ("bagit.txt", bagit), ("manifest-sha256.txt", manifest), ("purge-manifest.jsonl", purgeManifest),
        ]
        let tagManifest = Array(tags.map { "\(sha256($0.1))  \($0.0)\n" }.joined().utf8)
        var files = tags + [("tagmanifest-sha256.txt", tagManifest)] + payload.map { ("data/" + $0.0, $0.1) }
        files.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        return BagIt(
            name: name, entries: files.map { TarEntry(path: name + "/" + $0.0, data: $0.1) }, payloadBytes: payloadBytes,
            payloadFiles: payload.count)
    }

    static func read(_ layout: SiteLayout, _ relative: String) throws(ArchiveError) -> [UInt8] {
        let path = (layout.root as NSString).appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: path) else { throw ArchiveError("cannot read \(path)") }
        return Array(data)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }

    /// Manifest paths percent-encode CR, LF and `%` (RFC 8493 §2.1.3).
    static func encode(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func decode(_ path: String) -> String {
        path.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%25", with: "%")
    }
}
