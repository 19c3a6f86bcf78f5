import Foundation
import XMLKit

/// OFD (GB/T 33190-2016 版式文档): `OFD.xml` → each document's `DocInfo` (title, author, custom
/// data) → `Document.xml` → every page's `Content.xml`, whose `TextObject`/`TextCode` text is put
/// in reading order (top to bottom, then left to right, one line per baseline); then the
/// annotations (remarks and their appearance text) and the attached files, which are read in turn.
struct OFDExtractor {
    func extract(_ container: ZipContainer, into extraction: inout ContainerExtraction) throws(ContainerError) {
        guard let ofd = try container.xml("OFD.xml").root else { throw .missingPart("OFD.xml") }
        for body in ofd.children("DocBody") {
            guard let rootPath = body.child("DocRoot")?.textContent, let documentPath = ZipContainer.resolve(rootPath, relativeTo: "OFD.xml"),
                container.contains(documentPath)
            else { throw .missingPart("Document.xml named by OFD.xml DocRoot") }
            guard let document = try container.xml(documentPath).root else { continue }
            var pageNumbers: [String: Int] = [:]
            for (index, page) in (document.child("Pages")?.children("Page") ?? []).enumerated() {
                let number = index + 1
                if let id = page.attribute("ID") { pageNumbers[id] = number }
                guard let base = page.attribute("BaseLoc"), let file = Self.resolve(base, from: documentPath), container.contains(file),
                    let content = try container.xml(file).root
                else { continue }
                Self.appendLines(of: content.descendants("TextObject"), part: .body, place: "\(file) page \(number)", into: &extraction.text)
            }
            if let annotations = document.child("Annotations")?.textContent, let file = Self.resolve(annotations, from: documentPath),
                let index = try container.optionalXML(file)?.root
            {
                for page in index.children("Page") {
                    let number = page.attribute("PageID").flatMap { pageNumbers[$0] }.map { " page \($0)" } ?? ""
                    guard let loc = page.child("FileLoc")?.textContent, let annotFile = Self.resolve(loc, from: file),
                        let annots = try container.optionalXML(annotFile)?.root
                    else { continue }
                    for annot in annots.children("Annot") {
                        let place = "\(annotFile)\(number)"
                        extraction.text.append(annot.child("Remark")?.textContent ?? "", part: .annotation, place: place)
                        for parameter in annot.child("Parameters")?.children("Parameter") ?? [] {
                            extraction.text.append(parameter.textContent, part: .annotation, place: place)
                        }
                        Self.appendLines(of: annot.descendants("TextObject"), part: .annotation, place: place, into: &extraction.text)
                    }
                }
            }
            if let attachments = document.child("Attachments")?.textContent, let file = Self.resolve(attachments, from: documentPath),
                let index = try container.optionalXML(file)?.root
            {
                for attachment in index.children("Attachment") {
                    guard let loc = attachment.child("FileLoc")?.textContent, let entry = Self.resolve(loc, from: file) else { continue }
                    extraction.embedded.append((entry, container.contains(entry) ? try container.read(entry) : nil))
                }
            }
            if let info = body.child("DocInfo") {
                for field in ["Title", "Subject", "Abstract", "Keywords", "Author", "Creator"] {
                    if let node = info.child(field) {
                        extraction.property(field, node.textContent, file: "OFD.xml DocInfo", personal: field == "Author")
                    }
                }
                for custom in info.child("CustomDatas")?.children("CustomData") ?? [] {
                    extraction.property(custom.attribute("Name") ?? "CustomData", custom.textContent, file: "OFD.xml DocInfo", personal: true)
                }
            }
        }
        extraction.images += container.names.filter { name in
            let lower = name.lowercased()
            return [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".gif", ".jb2"].contains { lower.hasSuffix($0) }
        }
    }

    /// An `ST_Loc`: absolute from the package root when it starts with `/`, else relative to the
    /// file that names it (readers also accept it relative to the document folder).
    static func resolve(_ loc: String, from file: String) -> String? {
        ZipContainer.resolve(loc.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: file)
    }

    /// Text objects in reading order: by baseline (objects within 1.5 mm are one line), then by x.
    static func appendLines(of objects: [MarkupNode], part: ContentPart, place: String, into text: inout ExtractedText) {
        var pieces: [(y: Double, x: Double, text: String)] = []
        for object in objects {
            let box = (object.attribute("Boundary") ?? "").split(separator: " ").compactMap { Double($0) }
            let (bx, by) = box.count >= 2 ? (box[0], box[1]) : (0, 0)
            for code in object.children("TextCode") {
                let x = bx + (code.attribute("X").flatMap(Double.init) ?? 0)
                let y = by + (code.attribute("Y").flatMap(Double.init) ?? 0)
                pieces.append((y, x, code.textContent))
            }
        }
        pieces.sort { ($0.y, $0.x) < ($1.y, $1.x) }
        var line = 0
        var lastY: Double?
        for (i, piece) in pieces.enumerated() {
            if lastY.map({ abs(piece.y - $0) > 1.5 }) ?? true { line += 1 }
            lastY = piece.y
            let endsLine = i == pieces.count - 1 || abs(pieces[i + 1].y - piece.y) > 1.5
            text.append(piece.text, part: part, place: "\(place) line \(line)", endsBlock: endsLine)
        }
    }
}
