import XMLKit

/// ODF text and spreadsheet documents (`.odt`, `.ods`, and a `.wps`/`.et` saved as ODF): the
/// page headers and footers from `styles.xml`, the body from `content.xml`, the properties from
/// `meta.xml`. Hidden text is found through the styles that set `text:display="none"`, hidden
/// sheets through the table styles that set `table:display="false"`.
struct OpenDocumentExtractor {
    func extract(_ container: ZipContainer, into extraction: inout ContainerExtraction) throws(ContainerError) {
        guard let content = try container.xml("content.xml").root else { throw .missingPart("content.xml") }
        let styles = try container.optionalXML("styles.xml")?.root
        let hiddenText = Self.styleNames(in: [content, styles].compactMap { $0 }) { properties in
            properties.elementName == "text-properties" && properties.attribute("display") == "none"
        }
        let hiddenTables = Self.styleNames(in: [content, styles].compactMap { $0 }) { properties in
            properties.elementName == "table-properties" && properties.attribute("display") == "false"
        }
        let body = content.child("body")
        if let text = body?.child("text") {
            if let masters = styles?.child("master-styles") {
                var walker = OpenDocumentTextWalker(file: "styles.xml", hiddenStyles: hiddenText)
                for page in masters.children("master-page") {
                    for region in page.children {
                        guard let name = region.elementName else { continue }
                        if name.hasPrefix("header") { walker.visit(region, part: .header, into: &extraction.text) }
                        if name.hasPrefix("footer") { walker.visit(region, part: .footer, into: &extraction.text) }
                    }
                }
            }
            var walker = OpenDocumentTextWalker(file: "content.xml", hiddenStyles: hiddenText)
            // Tracked changes come first in the file; read the text first so its title stays on top.
            for child in text.children where child.elementName != "tracked-changes" { walker.visit(child, part: .body, into: &extraction.text) }
            for changes in text.children("tracked-changes") { walker.visit(changes, part: .body, into: &extraction.text) }
        } else if let sheet = body?.child("spreadsheet") {
            OpenDocumentSheetReader(hiddenTables: hiddenTables).read(sheet, into: &extraction)
        } else {
            throw .missingPart("content.xml office:text or office:spreadsheet")
        }
        if let meta = try container.optionalXML("meta.xml")?.root?.child("meta") {
            for node in meta.children {
                switch node.elementName {
                case "title", "subject", "keyword", "description":
                    extraction.property(node.elementName ?? "", node.textContent, file: "meta.xml", personal: false)
                case "creator", "initial-creator":
                    extraction.property(node.elementName ?? "", node.textContent, file: "meta.xml", personal: true)
                case "user-defined":
                    extraction.property(node.attribute("name") ?? "user-defined", node.textContent, file: "meta.xml", personal: true)
                default:
                    break
                }
            }
        }
        extraction.images += container.names.filter { $0.hasPrefix("Pictures/") }
    }

    /// Names of the styles (automatic and common) whose properties satisfy `hides`.
    static func styleNames(in roots: [MarkupNode], where hides: (MarkupNode) -> Bool) -> Set<String> {
        var names = Set<String>()
        for root in roots {
            for style in root.descendants("style") where style.children.contains(where: hides) {
                if let name = style.attribute("name") { names.insert(name) }
            }
        }
        return names
    }
}
