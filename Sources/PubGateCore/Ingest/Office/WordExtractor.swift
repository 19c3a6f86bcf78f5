import XMLKit

/// DOCX (and a `.wps` WPS Office saved as OOXML): every place a Word draft keeps text.
///
/// Reading order: headers first (密级 marks and 内部资料 stamps sit at the top of the page, where
/// header-only rules look), then the body with its tables and text boxes, footnotes, endnotes,
/// footers, comments, and the document properties. Tracked deletions stay in place inside their
/// paragraph (`w:delText` is still in the file) and are marked `deleted-revision`; text formatted
/// hidden (`w:vanish`, directly or through a style) is `hidden-text`; external hyperlink targets
/// are `attribute` text, as an HTML page's `href`s are. Images and embedded objects are listed;
/// embedded packages are read in turn by ``ContainerReader``.
struct WordExtractor {
    func extract(_ container: ZipContainer, into extraction: inout ContainerExtraction) throws(ContainerError) {
        let main = try PackageRelationships(of: "", in: container).entries(ofType: "officeDocument").first ?? "word/document.xml"
        guard container.contains(main) else { throw .missingPart(main) }
        let rels = try PackageRelationships(of: main, in: container)
        var hidden = Set<String>()
        for styles in rels.entries(ofType: "styles") { hidden.formUnion(try Self.hiddenStyles(container.xml(styles))) }
        let order: [(type: String, part: ContentPart)] = [
            ("header", .header), ("officeDocument", .body), ("footnotes", .footnote), ("endnotes", .footnote),
            ("footer", .footer), ("comments", .comment),
        ]
        for (type, part) in order {
            let files = type == "officeDocument" ? [main] : rels.entries(ofType: type)
            for file in files where container.contains(file) {
                guard let root = try container.xml(file).root else { continue }
                var walker = WordWalker(file: file, base: part, hiddenStyles: hidden)
                walker.visit(root, WordRun(), into: &extraction.text)
            }
        }
        // Link targets are served with the file (an intranet address, a mail address) though not printed as such.
        for relation in rels.all where relation.type == "hyperlink" && relation.entry == nil {
            extraction.text.append(relation.target, part: .attribute, place: "\(PackageRelationships.file(of: main)) \(relation.id)")
        }
        try OfficeProperties.read(container, into: &extraction)
        // The template path often carries the author's login (C:\Users\<name>\…).
        let settings = try PackageRelationships(of: "word/settings.xml", in: container)
        for relation in settings.all where relation.type == "attachedTemplate" {
            extraction.property("attachedTemplate", relation.target, file: "word/settings.xml", personal: true)
        }
        for name in container.names {
            if name.hasPrefix("word/media/") {
                extraction.images.append(name)
            } else if name.hasPrefix("word/embeddings/") {
                extraction.embedded.append((name, try container.read(name)))
            }
        }
    }

    /// Ids of character and paragraph styles whose run properties hide text.
    static func hiddenStyles(_ document: MarkupDocument) -> Set<String> {
        var ids = Set<String>()
        for style in document.root?.children("style") ?? [] {
            if let id = style.attribute("styleId"), let rPr = style.child("rPr"), WordWalker.isVanish(rPr) { ids.insert(id) }
        }
        return ids
    }
}
