/// The input formats the ingest stage understands.
enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case text, markdown, html, xml
    /// Office Open XML word processing (`.docx`, and `.wps` files WPS Office saves as OOXML).
    case docx
    /// Office Open XML spreadsheet (`.xlsx`, and `.et` files saved as OOXML).
    case xlsx
    /// OpenDocument text and spreadsheet (`.odt`, `.ods`, or a `.wps` saved as ODF).
    case odt, ods
    /// GB/T 33190-2016 OFD (版式文档).
    case ofd
    case pdf
    /// Bytes that could not be read or decoded; such a document is rejected as unscannable.
    case unknown

    /// The format a file name implies; anything unrecognised is sniffed as text.
    /// Containers and PDFs are recognised by their content (`FileSignature`) whatever their name.
    init(pathExtension ext: String) {
        switch ext.lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm", "shtml", "xhtml": self = .html
        case "xml": self = .xml
        case "docx", "docm", "dotx", "wps", "wpt": self = .docx
        case "xlsx", "xlsm", "xltx", "et", "ett": self = .xlsx
        case "odt", "ott": self = .odt
        case "ods", "ots": self = .ods
        case "ofd": self = .ofd
        case "pdf": self = .pdf
        default: self = .text
        }
    }

    /// True for the formats read from a container or through poppler rather than decoded as text.
    var isBinary: Bool {
        switch self {
        case .docx, .xlsx, .odt, .ods, .ofd, .pdf: true
        case .text, .markdown, .html, .xml, .unknown: false
        }
    }
}
