/// The document properties of an OOXML package: `docProps/core.xml` (title, author, last modified
/// by …), `app.xml` (company, manager, template) and `custom.xml` (any name → value).
///
/// None of them is printed; all of them are published with the file, and the author fields name
/// the people who wrote and edited the draft.
enum OfficeProperties {
    /// Core fields read, and whether each names a person.
    static let core: [(name: String, personal: Bool)] = [
        ("title", false), ("subject", false), ("creator", true), ("keywords", false), ("description", false),
        ("lastModifiedBy", true), ("category", false), ("contentStatus", false),
    ]
    static let app: [(name: String, personal: Bool)] = [("Company", false), ("Manager", true), ("Template", false)]

    static func read(_ container: ZipContainer, into extraction: inout ContainerExtraction) throws(ContainerError) {
        if let root = try container.optionalXML("docProps/core.xml")?.root {
            for (name, personal) in core {
                if let node = root.child(name) { extraction.property(name, node.textContent, file: "docProps/core.xml", personal: personal) }
            }
        }
        if let root = try container.optionalXML("docProps/app.xml")?.root {
            for (name, personal) in app {
                if let node = root.child(name) { extraction.property(name, node.textContent, file: "docProps/app.xml", personal: personal) }
            }
        }
        if let root = try container.optionalXML("docProps/custom.xml")?.root {
            for node in root.children("property") {
                guard let name = node.attribute("name") else { continue }
                extraction.property(name, node.textContent, file: "docProps/custom.xml", personal: true)
            }
        }
    }
}
