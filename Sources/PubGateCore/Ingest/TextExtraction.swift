import EncodingKit

/// What a format-specific extractor finds in decoded text.
public struct TextExtraction: Sendable {
    public var segments: [TextSegment] = []
    public var metadata: [String: String] = [:]
    public var findings: [Finding] = []

    public init(segments: [TextSegment] = [], metadata: [String: String] = [:], findings: [Finding] = []) {
        self.segments = segments
        self.metadata = metadata
        self.findings = findings
    }
}

/// Turns a decoded document of one format into segments and metadata.
public protocol TextExtractor: Sendable {
    func extract(_ text: DecodedText) -> TextExtraction
}
