import EncodingKit

/// The ingest stage's output: a document's decoded text, what was extracted from it and its metadata.
struct IngestedDocument: Sendable {
    let path: String
    let sha256: String
    let byteCount: Int
    let format: DocumentFormat
    let encoding: TextEncoding?
    /// Decoded text of the whole file: the reference for line and column numbers.
    let decoded: DecodedText?
    /// Extracted text in reading order.
    let segments: [TextSegment]
    /// Metadata fields: the 政府信息公开 table (`索引号`, `公开方式` …), `<meta>` tags as `meta:NAME`,
    /// front matter keys, and XML field elements. First value wins.
    let metadata: [String: String]
    /// Findings the ingest stage itself makes (unreadable input, malformed front matter).
    let findings: [Finding]

    init(
        path: String, sha256: String, byteCount: Int, format: DocumentFormat, encoding: TextEncoding?,
        decoded: DecodedText?, segments: [TextSegment], metadata: [String: String], findings: [Finding]
    ) {
        self.path = path
        self.sha256 = sha256
        self.byteCount = byteCount
        self.format = format
        self.encoding = encoding
        self.decoded = decoded
        self.segments = segments
        self.metadata = metadata
        self.findings = findings
    }

    /// True when the document could not be turned into text; it is rejected without a scan.
    var isUnscannable: Bool { decoded == nil }
}
