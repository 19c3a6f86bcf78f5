/// The relationships of one OOXML part (`word/_rels/document.xml.rels`): which header, comments,
/// image or embedded object a part refers to.
struct PackageRelationships {
    struct Relationship {
        let id: String
        /// The last component of the relationship type URI: `header`, `comments`, `image`, `oleObject` …
        let type: String
        /// The target resolved to an entry name; nil for external targets and targets outside the package.
        let entry: String?
        /// The target as written, for external ones (a template path, a hyperlink).
        let target: String
    }

    let all: [Relationship]

    /// The relationships of `part` (empty when it has none).
    init(of part: String, in container: ZipContainer) throws(ContainerError) {
        guard let document = try container.optionalXML(Self.file(of: part)), let root = document.root else {
            all = []
            return
        }
        all = root.children("Relationship").map { node in
            let target = node.attribute("Target") ?? ""
            let external = node.attribute("TargetMode") == "External"
            let type = (node.attribute("Type") ?? "").split(separator: "/").last.map(String.init) ?? ""
            return Relationship(
                id: node.attribute("Id") ?? "", type: type,
                entry: external ? nil : ZipContainer.resolve(target, relativeTo: part), target: target)
        }
    }

    /// The relationships part of `part`: `word/_rels/document.xml.rels`; `_rels/.rels` for the package.
    static func file(of part: String) -> String {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? part
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }

    func entry(id: String) -> String? { all.first { $0.id == id }?.entry }

    func entries(ofType type: String) -> [String] { all.filter { $0.type == type }.compactMap(\.entry) }
}
