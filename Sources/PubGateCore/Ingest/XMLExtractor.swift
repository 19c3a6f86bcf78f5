import EncodingKit
import Foundation
import XMLKit

/// XML (CMS exports): every text node and attribute value; leaf elements become metadata fields.
struct XMLExtractor: TextExtractor {

    func extract(_ text: DecodedText) -> TextExtraction {
        var extraction = TextExtraction()
        var walker = Walker(aligner: SourceAligner(source: text.utf8, lineStarts: text.lineStarts))
        let recoveredErrors: Int
        do {
            recoveredErrors = try MarkupParser.walkXML(text.utf8, into: &walker)
        } catch {
            extraction.findings.append(
                Finding(
                    ruleID: "markup_unparsable", kind: .unscannable, severity: .block,
                    text: Message("markup_unparsable.xml", ["reason": error.description])))
            return extraction
        }
        if recoveredErrors > 0 {
            // libxml2 recovers by skipping what it cannot parse: what it skipped was never scanned.
            extraction.findings.append(
                Finding(
                    ruleID: "markup_recovered", kind: .scanIncomplete, severity: .review,
                    text: Message("markup_recovered")))
        }
        extraction.segments = walker.segments
        var metadata = MetadataReader.read(extraction.segments)
        for (k, v) in walker.fields where metadata[k] == nil { metadata[k] = v }
        extraction.metadata = metadata
        return extraction
    }

    /// Builds the segments and fields from the tree's events, as they come (no copy of the tree).
    struct Walker: MarkupHandler {
        var aligner: SourceAligner
        var segments: [TextSegment] = []
        var fields: [String: String] = [:]
        /// The open elements, innermost last: whether every child so far is text, and the UTF-8
        /// of that text (kept only while it can still make a field).
        private var open: [(onlyText: Bool, hasChild: Bool, text: [UInt8], bytes: Int)] = []

        init(aligner: SourceAligner) {
            self.aligner = aligner
        }

        mutating func startElement(_ name: String, attributes: [MarkupAttribute], line: Int) {
            markChild(text: nil)
            for attr in attributes { emit(Array(attr.value.utf8).span, .attribute, line) }
            open.append((true, false, [], 0))
        }

        mutating func endElement(_ name: String) {
            guard let element = open.popLast() else { return }
            // A field is a leaf of at most 200 characters: long paragraphs are not trimmed
            // and measured (Foundation's trimming bridges every string).
            if element.onlyText, element.hasChild, fields[name] == nil, element.bytes <= 4096 {
                let value = String(decoding: element.text, as: UTF8.self).trimmingWhiteSpace
                if !value.isEmpty, value.count <= 200 { fields[name] = value }
            }
            if !segments.isEmpty { segments[segments.count - 1].endsBlock = true }
        }

        mutating func text(_ utf8: Span<UInt8>, line: Int) {
            markChild(text: utf8)
            emit(utf8, .body, line, endsBlock: false)
        }

        mutating func comment(_ content: String, line: Int) {
            markChild(text: nil)
            emit(Array(content.utf8).span, .comment, line)
        }

        /// Counts a child of the innermost open element: text (`utf8`) or anything else.
        private mutating func markChild(text utf8: Span<UInt8>?) {
            guard !open.isEmpty else { return }
            let last = open.count - 1
            open[last].hasChild = true
            guard let utf8 else {
                open[last].onlyText = false
                open[last].text = []
                return
            }
            guard open[last].onlyText else { return }
            open[last].bytes += utf8.count
            if open[last].bytes <= 4096 {
                open[last].text += UTF8Bytes.array(utf8)
            }
        }

        private mutating func emit(_ utf8: Span<UInt8>, _ part: ContentPart, _ line: Int, endsBlock: Bool = true) {
            if let segment = aligner.segment(utf8, part: part, line: line, endsBlock: endsBlock) { segments.append(segment) }
        }
    }
}
