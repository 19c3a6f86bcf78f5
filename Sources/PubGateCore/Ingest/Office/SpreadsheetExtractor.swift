import XMLKit

/// XLSX (and an `.et` saved as OOXML): every sheet, including hidden and very hidden ones, every
/// row and column including hidden ones, shared and inline strings, cell comments (legacy notes
/// and threaded comments), print headers and footers, defined names and the document properties.
///
/// Cells of a hidden sheet are `hidden-sheet`, cells in a hidden row or column `hidden-cell`:
/// a 公示名单 whose visible sheet is masked often keeps the full list one sheet further.
struct SpreadsheetExtractor {
    func extract(_ container: ZipContainer, into extraction: inout ContainerExtraction) throws(ContainerError) {
        let workbookPart = try PackageRelationships(of: "", in: container).entries(ofType: "officeDocument").first ?? "xl/workbook.xml"
        guard let workbook = try container.xml(workbookPart).root else { throw .missingPart(workbookPart) }
        let rels = try PackageRelationships(of: workbookPart, in: container)
        var shared: [String] = []
        for file in rels.entries(ofType: "sharedStrings") where container.contains(file) {
            shared = try container.xml(file).root?.children("si").map(Self.richText) ?? []
        }
        for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
            guard let id = sheet.attribute("id"), let file = rels.entry(id: id), container.contains(file) else { continue }
            let name = sheet.attribute("name") ?? file
            let hidden = (sheet.attribute("state") ?? "visible") != "visible"
            try readSheet(file, name: name, hidden: hidden, shared: shared, container, into: &extraction)
        }
        for defined in workbook.child("definedNames")?.children("definedName") ?? [] {
            let name = defined.attribute("name") ?? ""
            extraction.text.append("\(name) = \(defined.textContent)", part: .definedName, place: "\(workbookPart) definedName \(name)")
        }
        try OfficeProperties.read(container, into: &extraction)
        for name in container.names {
            if name.hasPrefix("xl/media/") {
                extraction.images.append(name)
            } else if name.hasPrefix("xl/embeddings/") {
                extraction.embedded.append((name, try container.read(name)))
            }
        }
    }

    private func readSheet(
        _ file: String, name: String, hidden: Bool, shared: [String], _ container: ZipContainer,
        into extraction: inout ContainerExtraction
    ) throws(ContainerError) {
        guard let root = try container.xml(file).root else { return }
        var hiddenColumns: [ClosedRange<Int>] = []
        for col in root.child("cols")?.children("col") ?? [] where Self.isTrue(col.attribute("hidden")) {
            if let lo = col.attribute("min").flatMap(Int.init), let hi = col.attribute("max").flatMap(Int.init), lo <= hi {
                hiddenColumns.append(lo...hi)
            }
        }
        let writer = SheetWriter(sheet: name)
        var rowNumber = 0
        for row in root.child("sheetData")?.children("row") ?? [] {
            rowNumber = row.attribute("r").flatMap(Int.init) ?? rowNumber + 1
            let hiddenRow = Self.isTrue(row.attribute("hidden"))
            var column = 0
            var cells: [SheetWriter.Cell] = []
            for c in row.children("c") {
                let reference = c.attribute("r").flatMap(CellReference.init) ?? CellReference(column: column + 1, row: rowNumber)
                column = reference.column
                guard let value = Self.value(of: c, shared: shared) else { continue }
                let part: ContentPart =
                    hidden ? .hiddenSheet : (hiddenRow || hiddenColumns.contains { $0.contains(column) }) ? .hiddenCell : .body
                cells.append(.init(reference: reference, value: value, part: part))
            }
            writer.write(cells, into: &extraction)
        }
        // Print headers and footers (`&C内部资料`): formatting codes start with `&`.
        for region in root.child("headerFooter")?.children ?? [] {
            guard let kind = region.elementName else { continue }
            let text = Self.withoutHeaderCodes(region.textContent)
            extraction.text.append(text, part: kind.hasSuffix("Footer") ? .footer : .header, place: "\(name) \(kind)")
        }
        let sheetRels = try PackageRelationships(of: file, in: container)
        for comments in sheetRels.entries(ofType: "comments") where container.contains(comments) {
            for comment in try container.xml(comments).root?.descendants("comment") ?? [] {
                let ref = comment.attribute("ref") ?? ""
                extraction.text.append(Self.richText(comment.child("text") ?? comment), part: .comment, place: "\(name)!\(ref) comment")
            }
        }
        for threads in sheetRels.entries(ofType: "threadedComment") where container.contains(threads) {
            for comment in try container.xml(threads).root?.children("threadedComment") ?? [] {
                let ref = comment.attribute("ref") ?? ""
                extraction.text.append(comment.child("text")?.textContent ?? "", part: .comment, place: "\(name)!\(ref) comment")
            }
        }
    }

    /// The value of a `<c>` element by its type: shared string, inline string, formula string,
    /// boolean, error, or number (the default).
    static func value(of cell: MarkupNode, shared: [String]) -> SheetWriter.Value? {
        let raw = cell.child("v")?.textContent
        switch cell.attribute("t") ?? "n" {
        case "s":
            guard let index = raw.flatMap(Int.init), shared.indices.contains(index) else { return nil }
            return .text(shared[index])
        case "inlineStr":
            return cell.child("is").map { .text(richText($0)) }
        case "str", "e", "b":
            return raw.map { .text($0) }
        default:
            return raw.map { .number($0) }
        }
    }

    /// The text of a string item: its `<t>`, or its runs' `<t>`s; phonetic guides (`rPh`) are not text.
    static func richText(_ node: MarkupNode) -> String {
        var out = ""
        func walk(_ n: MarkupNode) {
            for child in n.children {
                switch child.elementName {
                case "rPh", "phoneticPr": continue
                case "t": out += child.textContent
                default: walk(child)
                }
            }
        }
        walk(node)
        return out
    }

    /// Header text without its codes: `&L`, `&C`, `&R`, `&P`, `&N`, `&D`, `&T`, `&F`, `&A`, `&B`,
    /// `&I`, `&U`, `&"font,style"`, `&12` (size); `&&` is an ampersand.
    static func withoutHeaderCodes(_ text: String) -> String {
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i] == "&" else {
                out.append(text[i])
                i = text.index(after: i)
                continue
            }
            i = text.index(after: i)
            guard i < text.endIndex else { break }
            if text[i] == "&" {
                out.append("&")
                i = text.index(after: i)
            } else if text[i] == "\"" {
                i = text.index(after: i)
                while i < text.endIndex, text[i] != "\"" { i = text.index(after: i) }
                if i < text.endIndex { i = text.index(after: i) }
            } else if text[i].isNumber {
                while i < text.endIndex, text[i].isNumber { i = text.index(after: i) }
            } else {
                if "LCR".contains(text[i]), !out.isEmpty, out.last != " " { out.append(" ") }
                i = text.index(after: i)
            }
        }
        return out
    }

    static func isTrue(_ value: String?) -> Bool { value == "1" || value == "true" }
}
