import EncodingKit

/// What a format-specific extractor finds in decoded text.
struct TextExtraction: Sendable {
    var segments: [TextSegment] = []
    var metadata: [String: String] = [:]
    var findings: [Finding] = []

}

/// Turns a decoded document of one format into segments and metadata.
protocol TextExtractor: Sendable {
    func extract(_ text: DecodedText) -> TextExtraction
}
