/// A place in the original file: 1-based line and column (in Unicode scalars) and a byte range.
public struct SourceLocation: Sendable, Codable, Hashable {
    public let line: Int
    public let column: Int
    public let endLine: Int
    public let endColumn: Int
    /// Byte offsets into the file as stored, BOM included.
    public let byteStart: Int
    public let byteEnd: Int

    public init(line: Int, column: Int, endLine: Int, endColumn: Int, byteStart: Int, byteEnd: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.byteStart = byteStart
        self.byteEnd = byteEnd
    }

    enum CodingKeys: String, CodingKey {
        case line, column
        case endLine = "end_line"
        case endColumn = "end_column"
        case byteStart = "byte_start"
        case byteEnd = "byte_end"
    }
}
