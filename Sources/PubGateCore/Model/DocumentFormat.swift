/// The input formats the ingest stage understands.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case text, markdown, html, xml
    /// Bytes that could not be read or decoded; such a document is rejected as unscannable.
    case unknown

    /// The format a file name implies; anything unrecognised is sniffed as text.
    public init(pathExtension ext: String) {
        switch ext.lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm", "shtml", "xhtml": self = .html
        case "xml": self = .xml
        default: self = .text
        }
    }
}
