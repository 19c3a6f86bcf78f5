import Crypto
import EncodingKit
import Foundation

/// Stage 1: bytes in, decoded and extracted text out, with the byte map kept.
///
/// A file that cannot be decoded is not dropped: it comes out with no text and an `unscannable`
/// finding, so the decide stage rejects it (fail closed).
public struct IngestStage: Sendable {
    public init() {}

    public func run(_ input: RawInput) -> IngestedDocument {
        let digest = Hex.encode(SHA256.hash(data: input.bytes))
        let format = input.format
        let declared = (format == .html || format == .xml) ? TextDecoder.declaredCharset(in: input.bytes) : nil
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(input.bytes, declared: declared)
        } catch {
            let finding = Finding(
                ruleID: "input_undecodable", kind: .unscannable, severity: .block,
                message: "cannot scan: \(error.description)",
                remediation: "Save the file as UTF-8 (or GB18030) text, or review it by hand.")
            return IngestedDocument(
                path: input.path, sha256: digest, byteCount: input.bytes.count, format: .unknown, encoding: nil,
                decoded: nil, segments: [], metadata: [:], findings: [finding])
        }
        let extractor: any TextExtractor
        switch format {
        case .markdown: extractor = MarkdownExtractor()
        case .html: extractor = HTMLExtractor()
        case .xml: extractor = XMLExtractor()
        case .text, .unknown: extractor = PlainTextExtractor()
        }
        let extraction = extractor.extract(decoded)
        return IngestedDocument(
            path: input.path, sha256: digest, byteCount: input.bytes.count, format: format,
            encoding: decoded.encoding, decoded: decoded, segments: extraction.segments,
            metadata: extraction.metadata, findings: extraction.findings)
    }
}
