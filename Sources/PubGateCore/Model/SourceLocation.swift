/// A place in the original file: 1-based line and column (in Unicode scalars) and a byte range.
///
/// A container document (DOCX, XLSX, ODF, OFD, PDF) has no original text to count in: there,
/// line, column and bytes count in the text pubgate extracted (one line per paragraph, table row
/// or PDF line), and `container` names the place in the file a reviewer opens — the part and
/// paragraph (`word/document.xml ¶3`), the cell (`原始数据!B2`), the page (`page 2 line 5`).
public struct SourceLocation: Sendable, Codable, Hashable {
    public let line: Int
    public let column: Int
    let endLine: Int
    let endColumn: Int
    /// Byte offsets into the file as stored, BOM included (into the extracted text for a container).
    let byteStart: Int
    let byteEnd: Int
    /// Where inside a container document the text is; nil for text formats.
    public var container: String?

    init(line: Int, column: Int, endLine: Int, endColumn: Int, byteStart: Int, byteEnd: Int, container: String? = nil) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.container = container
    }

    /// The same location placed inside a container (nil leaves it as it is).
    func placed(_ container: String?) -> SourceLocation {
        var copy = self
        if let container { copy.container = container }
        return copy
    }

    /// In the order of the JSON keys, so the manifest writer never has to reorder them.
    enum CodingKeys: String, CodingKey {
        case byteEnd = "byte_end"
        case byteStart = "byte_start"
        case column, container
        case endColumn = "end_column"
        case endLine = "end_line"
        case line
    }
}
