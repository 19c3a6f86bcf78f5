import EncodingKit
import Foundation
import XMLKit

/// XML (CMS exports): every text node and attribute value; leaf elements become metadata fields.
struct XMLExtractor: TextExtractor {

    func extract(_ text: DecodedText) -> TextExtraction {
        var extraction = TextExtraction()
        let document: MarkupDocument
        do {
            document = try MarkupParser.parseXML(text.utf8)
        } catch {
            extraction.findings.append(
                Finding(
                    ruleID: "markup_unparsable", kind: .unscannable, severity: .block,
                    text: Message("markup_unparsable.xml", ["reason": error.description])))
            return extraction
        }
        if document.recoveredErrors > 0 {
            // libxml2 recovers by skipping what it cannot parse: what it skipped was never scanned.
            extraction.findings.append(
                Finding(
                    ruleID: "markup_recovered", kind: .scanIncomplete, severity: .review,
                    text: Message("markup_recovered")))
        }
        var aligner = SourceAligner(source: text.utf8, lineStarts: text.lineStarts)
        var fields: [String: String] = [:]
        func visit(_ node: MarkupNode) {
            switch node {
            case .element(let name, let attributes, let children, let line):
                for attr in attributes { emit(attr.value, .attribute, line) }
                let texts = children.compactMap { child -> String? in
                    if case .text(let t, _, _) = child { return t }
                    return nil
                }
                // A field is a leaf of at most 200 characters: long paragraphs are not trimmed
                // and measured (Foundation's trimming bridges every string).
                if texts.count == children.count, !texts.isEmpty, fields[name] == nil,
                    texts.reduce(0, { $0 + $1.utf8.count }) <= 4096
                {
                    let value = texts.joined().trimmingWhiteSpace
                    if !value.isEmpty, fields[name] == nil, value.count <= 200 { fields[name] = value }
                }
                for child in children { visit(child) }
                if !extraction.segments.isEmpty { extraction.segments[extraction.segments.count - 1].endsBlock = true }
            case .text(let content, _, let line):
                emit(content, .body, line, endsBlock: false)
            case .comment(let content, let line):
                emit(content, .comment, line)
            }
        }
        func emit(_ content: String, _ part: ContentPart, _ line: Int, endsBlock: Bool = true) {
            let bytes = Array(content.utf8)
            guard !Unicode.Scalar.allWhiteSpace(bytes.span) else { return }
            let runs = aligner.align(bytes.span, line: line)
            extraction.segments.append(
                TextSegment(part: part, utf8: bytes, runStarts: runs.starts, runOrigins: runs.origins, endsBlock: endsBlock))
        }
        for node in document.nodes { visit(node) }
        var metadata = MetadataReader.read(extraction.segments)
        for (k, v) in fields where metadata[k] == nil { metadata[k] = v }
        extraction.metadata = metadata
        return extraction
    }
}
