import ArchiveKit
import Foundation

/// Re-checks a serialized bag (`pubgate archive verify`, and the sweep before it deletes anything):
/// one bag folder; `bagit.txt` says 1.0; every payload file is in `manifest-sha256.txt` with the
/// right digest and nothing listed is missing; Payload-Oxum agrees; every tag file listed in
/// `tagmanifest-sha256.txt` has the right digest.
public enum BagVerifier {
    /// The problems found; empty when the archive is a valid bag.
    public static func verify(archive path: String) -> [String] {
        var files: [String: [UInt8]] = [:]
        do {
            // Archives packed by hand often name entries `./bag/…`.
            try TarGzReader.forEachFile(in: path) { files[$0.path.hasPrefix("./") ? String($0.path.dropFirst(2)) : $0.path] = $0.data }
        } catch {
            return ["cannot read the archive: \(error)"]
        }
        return verify(files: files)
    }

    static func verify(files all: [String: [UInt8]]) -> [String] {
        let roots = Set(all.keys.map { String($0.split(separator: "/", maxSplits: 1).first ?? "") })
        guard roots.count == 1, let root = roots.first, !root.isEmpty else {
            return ["expected one bag folder, found \(roots.sorted())"]
        }
        var files: [String: [UInt8]] = [:]
        for (k, v) in all { files[String(k.dropFirst(root.count + 1))] = v }
        var problems: [String] = []
        let bagit = files["bagit.txt"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        if !bagit.contains("BagIt-Version: 1.0") { problems.append("bagit.txt missing or not BagIt 1.0") }
        guard let manifest = files["manifest-sha256.txt"] else { return problems + ["manifest-sha256.txt missing"] }
        var listed: Set<String> = []
        for (path, digest) in parse(manifest) {
            listed.insert(path)
            guard let data = files[path] else {
                problems.append("\(path) listed in manifest-sha256.txt but missing")
                continue
            }
            if BagIt.sha256(data) != digest { problems.append("\(path) sha256 mismatch") }
        }
        let payload = files.keys.filter { $0.hasPrefix("data/") }
        for path in payload.sorted() where !listed.contains(path) { problems.append("\(path) not listed in manifest-sha256.txt") }
        let info = files["bag-info.txt"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        let bytes = payload.reduce(0) { $0 + (files[$1]?.count ?? 0) }
        if let oxum = info.split(separator: "\n").first(where: { $0.hasPrefix("Payload-Oxum:") }) {
            let value = oxum.dropFirst("Payload-Oxum:".count).trimmingCharacters(in: .whitespaces)
            if value != "\(bytes).\(payload.count)" {
                problems.append("Payload-Oxum \(value), found \(bytes).\(payload.count)")
            }
        } else {
            problems.append("bag-info.txt has no Payload-Oxum")
        }
        if let tags = files["tagmanifest-sha256.txt"] {
            for (path, digest) in parse(tags) {
                guard let data = files[path] else {
                    problems.append("\(path) listed in tagmanifest-sha256.txt but missing")
                    continue
                }
                if BagIt.sha256(data) != digest { problems.append("\(path) sha256 mismatch (tagmanifest)") }
            }
        }
        return problems
    }

    /// `digest path` lines (one or more spaces between), paths percent-decoded.
    static func parse(_ bytes: [UInt8]) -> [(String, String)] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let space = line.firstIndex(of: " ") else { return nil }
            let digest = String(line[..<space])
            let path = line[space...].drop { $0 == " " }
            return (BagIt.decode(String(path)), digest.lowercased())
        }
    }
}
