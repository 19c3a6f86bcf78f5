import EncodingKit

/// Plain text (and any unrecognised text file): the whole file is one body segment.
struct PlainTextExtractor: TextExtractor {

    func extract(_ text: DecodedText) -> TextExtraction {
        let segment = TextSegment(part: .body, decoded: text.utf8, range: 0..<text.utf8.count)
        return TextExtraction(segments: [segment], metadata: MetadataReader.read([segment]))
    }
}
