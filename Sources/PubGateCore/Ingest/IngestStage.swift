import Crypto
import EncodingKit
import Foundation

/// Stage 1: bytes in, decoded and extracted text out, with the byte map kept.
///
/// Text formats are decoded and extracted in place. Containers (DOCX, XLSX, ODF, OFD) and PDFs are
/// recognised by their content and read by ``ContainerReader`` into a virtual text whose segments
/// name their place in the file. A file that cannot be decoded or read is not dropped: it comes out
/// with no text and an `unscannable` finding, so the decide stage rejects it (fail closed).
struct IngestStage: Sendable {
    let limits: ContainerLimits

    init(limits: ContainerLimits = .standard) {
        self.limits = limits
    }

    func run(_ input: RawInput) -> IngestedDocument {
        let digest = Hex.encode(SHA256.hash(data: input.bytes))
        let format = input.format
        if format.isBinary || FileSignature(input.bytes) != .none {
            return readContainer(input, digest: digest)
        }
        let declared = (format == .html || format == .xml) ? TextDecoder.declaredCharset(in: input.bytes) : nil
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(input.bytes, declared: declared)
        } catch {
            return Self.undecodable(input, digest: digest, error: error)
        }
        let extractor: any TextExtractor
        switch format {
        case .markdown: extractor = MarkdownExtractor()
        case .html: extractor = HTMLExtractor()
        case .xml: extractor = XMLExtractor()
        // Binary formats were read by readContainer above and never get here.
        case .text, .unknown, .docx, .xlsx, .odt, .ods, .ofd, .pdf: extractor = PlainTextExtractor()
        }
        let extraction = extractor.extract(decoded)
        return IngestedDocument(
            path: input.path, sha256: digest, byteCount: input.bytes.count, format: format,
            encoding: decoded.encoding, decoded: decoded, segments: extraction.segments,
            metadata: extraction.metadata, findings: extraction.findings)
    }

    /// A text file that cannot be decoded: no text, and an `unscannable` finding saying why.
    static func undecodable(_ input: RawInput, digest: String, error: DecodingError) -> IngestedDocument {
        let finding = Finding(
            ruleID: "input_undecodable", kind: .unscannable, severity: .block,
            text: Message("input_undecodable", UnscannableReason.args(error.description, id: error.reasonID.id, error.reasonID.args)))
        return IngestedDocument(
            path: input.path, sha256: digest, byteCount: input.bytes.count, format: .unknown, encoding: nil,
            decoded: nil, segments: [], metadata: [:], findings: [finding])
    }

    private func readContainer(_ input: RawInput, digest: String) -> IngestedDocument {
        do {
            let (format, extraction) = try ContainerReader(limits: limits).read(input.bytes)
            return IngestedDocument(
                path: input.path, sha256: digest, byteCount: input.bytes.count, format: format, encoding: nil,
                decoded: extraction.text.decoded, segments: extraction.text.segments, metadata: extraction.metadata,
                findings: extraction.findings)
        } catch {
            let finding = Finding(
                ruleID: "container_unscannable", kind: .unscannable, severity: .block, text: Message("container_unscannable", error.reasonArgs),
                remediation: error.remediation)
            return IngestedDocument(
                path: input.path, sha256: digest, byteCount: input.bytes.count, format: input.format.isBinary ? input.format : .unknown,
                encoding: nil, decoded: nil, segments: [], metadata: [:], findings: [finding])
        }
    }
}
