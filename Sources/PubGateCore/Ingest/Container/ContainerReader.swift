/// Reads a container document (DOCX, XLSX, ODF, OFD) or a PDF: recognises the format from the
/// content, reads it under ``ContainerLimits``, then reads the documents embedded in or attached to
/// it in turn (to `maxDepth`), and adds the findings for what is published but not printed.
struct ContainerReader: Sendable {
    let limits: ContainerLimits

    /// The format and everything read from `bytes`; throws when the document cannot be read at all.
    func read(_ bytes: [UInt8]) throws(ContainerError) -> (DocumentFormat, ContainerExtraction) {
        var extraction = ContainerExtraction()
        var unread: [String] = []
        let format = try read(bytes, into: &extraction, depth: 0, budget: limits.maxTotalBytes, unread: &unread)
        extraction.text.closeLine()
        extraction.findings += HiddenContentCheck.findings(for: extraction, unreadEmbedded: unread)
        for (key, value) in MetadataReader.read(extraction.text.segments) where extraction.metadata[key] == nil {
            extraction.metadata[key] = value
        }
        return (format, extraction)
    }

    private func read(
        _ bytes: [UInt8], into extraction: inout ContainerExtraction, depth: Int, budget: Int, unread: inout [String]
    ) throws(ContainerError) -> DocumentFormat {
        switch FileSignature(bytes) {
        case .compoundFile:
            throw .compoundFile
        case .pdf:
            try PDFExtractor(timeout: limits.pdfTimeout).extract(bytes, into: &extraction)
            return .pdf
        case .none:
            throw .corrupt("neither a ZIP package nor a PDF")
        case .zip:
            let container = try ZipContainer(bytes: bytes, limits: limits, budget: budget)
            let format = try Self.packageFormat(container)
            let outer = extraction.embedded
            extraction.embedded = []
            switch format {
            case .docx: try WordExtractor().extract(container, into: &extraction)
            case .xlsx: try SpreadsheetExtractor().extract(container, into: &extraction)
            case .odt, .ods: try OpenDocumentExtractor().extract(container, into: &extraction)
            case .ofd: try OFDExtractor().extract(container, into: &extraction)
            default: throw .unknownPackage
            }
            try container.verifyUnread()
            let embedded = extraction.embedded
            extraction.embedded = outer
            try readEmbedded(embedded, into: &extraction, depth: depth, budget: container.remainingBudget, unread: &unread)
            return format
        }
    }

    /// Names every embedded or attached file, and reads those that are documents pubgate reads.
    /// One that cannot be read makes the whole document unscannable-in-part: a block finding.
    private func readEmbedded(
        _ files: [(name: String, bytes: [UInt8]?)], into extraction: inout ContainerExtraction, depth: Int, budget: Int,
        unread: inout [String]
    ) throws(ContainerError) {
        var budget = budget
        for (name, bytes) in files {
            let place = ElementMasking.maskDigitRuns(extraction.text.placePrefix + name)
            extraction.text.append(name.split(separator: "/").last.map(String.init) ?? name, part: .attachment, place: name)
            guard let bytes, [.zip, .pdf].contains(FileSignature(bytes)), depth + 1 < limits.maxDepth else {
                unread.append(place)
                continue
            }
            let prefix = extraction.text.placePrefix
            extraction.text.placePrefix = place + " › "
            defer { extraction.text.placePrefix = prefix }
            do {
                _ = try read(bytes, into: &extraction, depth: depth + 1, budget: budget, unread: &unread)
                extraction.text.closeLine()
                budget -= bytes.count
            } catch {
                extraction.text.closeLine()
                extraction.findings.append(
                    Finding(
                        ruleID: "embedded_unscannable", kind: .unscannable, severity: .block,
                        text: Message("embedded_unscannable", error.reasonArgs.merging(["file": place]) { _, new in new }),
                        part: .attachment, location: extraction.text.lastSegmentLocation, remediation: error.remediation))
            }
        }
    }

    /// Which package format a ZIP is, from its own declarations (ODF `mimetype`, OFD's `OFD.xml`,
    /// the OOXML main part) rather than from its name.
    static func packageFormat(_ container: ZipContainer) throws(ContainerError) -> DocumentFormat {
        if container.contains("mimetype") {
            let mime = String(decoding: try container.read("mimetype"), as: UTF8.self)
            if mime.hasPrefix("application/vnd.oasis.opendocument.text") { return .odt }
            if mime.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") { return .ods }
        }
        if container.contains("OFD.xml") { return .ofd }
        let main = try PackageRelationships(of: "", in: container).entries(ofType: "officeDocument").first
        if main?.hasPrefix("word/") == true || (main == nil && container.contains("word/document.xml")) { return .docx }
        if main?.hasPrefix("xl/") == true || (main == nil && container.contains("xl/workbook.xml")) { return .xlsx }
        throw .unknownPackage
    }
}
