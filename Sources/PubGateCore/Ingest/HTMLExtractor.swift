import EncodingKit
import XMLKit

/// HTML through libxml2's HTML parser: everything a reader or a crawler can get.
///
/// Visible text, `<title>`, `<meta>` content, `alt`/`title`/`href` values and comments are all
/// segments; text inside hidden elements is kept and marked `hidden`. Script and style bodies are
/// skipped. Inline elements (`span`, `a`, …) do not break text, so a number split across spans is one
/// run for the scanner.
public struct HTMLExtractor: TextExtractor {
    public init() {}

    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select", "table", "tbody", "td",
        "textarea", "tfoot", "th", "thead", "title", "tr", "ul",
    ]
    static let skippedElements: Set<String> = ["script", "style", "template"]
    static let servedAttributes: Set<String> = ["title", "alt", "href", "src", "value", "placeholder", "aria-label", "data-original-title"]

    public func extract(_ text: DecodedText) -> TextExtraction {
        var extraction = TextExtraction()
        // A Hugo content file may be HTML under front matter: the block is read as front matter
        // and blanked (newlines kept) for the HTML parser, so lines and positions stay exact.
        var source = text.scalars
        let front = FrontMatterBlock.locate(in: source)
        if let front {
            for i in front.range where source[i] != "\n" && source[i] != "\r" { source[i] = " " }
        }
        let utf8 = (front == nil ? text.utf8 : nil) ?? UTF8Bytes.encode(source)
        let document: MarkupDocument
        do {
            document = try MarkupParser.parseHTML(utf8)
        } catch {
            extraction.findings.append(
                Finding(
                    ruleID: "markup_unparsable", kind: .unscannable, severity: .block,
                    message: "HTML could not be parsed: \(error.description)"))
            return extraction
        }
        var walker = Walker(aligner: SourceAligner(source: source))
        for node in document.nodes { walker.visit(node, hidden: false, inTitle: false) }
        walker.closeBlock()
        extraction.segments = walker.segments
        var metadata = MetadataReader.read(walker.segments)
        for (k, v) in walker.meta where metadata[k] == nil { metadata[k] = v }
        if let front {
            extraction.segments.insert(TextSegment(part: .frontMatter, decoded: text.scalars, range: front.range), at: 0)
            if let problem = front.merge(into: &metadata) { extraction.findings.append(problem) }
        }
        extraction.metadata = metadata
        return extraction
    }

    private struct Walker {
        var aligner: SourceAligner
        var segments: [TextSegment] = []
        var meta: [String: String] = [:]

        mutating func visit(_ node: MarkupNode, hidden: Bool, inTitle: Bool) {
            switch node {
            case .element(let name, let attributes, let children, let line):
                let lower = name.lowercased()
                // Script and style bodies are not text a reader sees; the aligner skips them by searching forward.
                if HTMLExtractor.skippedElements.contains(lower) { return }
                let isHidden = hidden || Self.hides(attributes)
                if lower == "meta" {
                    visitMeta(attributes, line: line)
                } else {
                    for attr in attributes where HTMLExtractor.servedAttributes.contains(attr.name.lowercased()) {
                        emit(attr.value, part: .attribute, line: line, endsBlock: true)
                    }
                }
                let block = HTMLExtractor.blockElements.contains(lower)
                if block { closeBlock() }
                for child in children { visit(child, hidden: isHidden, inTitle: inTitle || lower == "title") }
                if block { closeBlock() }
            case .text(let content, _, let line):
                let part: ContentPart = inTitle ? .title : (hidden ? .hidden : .body)
                emit(content, part: part, line: line, endsBlock: false)
            case .comment(let content, let line):
                emit(content, part: .comment, line: line, endsBlock: true)
            }
        }

        mutating func visitMeta(_ attributes: [MarkupAttribute], line: Int) {
            let name = attributes.first { ["name", "property", "http-equiv"].contains($0.name.lowercased()) }?.value
            guard let content = attributes.first(where: { $0.name.lowercased() == "content" })?.value else { return }
            if let name, meta["meta:" + name] == nil { meta["meta:" + name] = content }
            emit(content, part: .meta, line: line, endsBlock: true)
        }

        mutating func emit(_ content: String, part: ContentPart, line: Int, endsBlock: Bool) {
            let scalars = UTF8Bytes.scalars(of: content)
            guard scalars.contains(where: { !$0.isWhiteSpace }) else { return }
            let origins = aligner.align(scalars, line: line)
            segments.append(TextSegment(part: part, scalars: scalars, origins: origins, endsBlock: endsBlock))
        }

        mutating func closeBlock() {
            if !segments.isEmpty { segments[segments.count - 1].endsBlock = true }
        }

        static func hides(_ attributes: [MarkupAttribute]) -> Bool {
            for attr in attributes {
                let name = attr.name.lowercased()
                if name == "hidden" { return true }
                if name == "aria-hidden" && attr.value.lowercased() == "true" { return true }
                if name == "style" {
                    let style = attr.value.lowercased().filter { !$0.isWhitespace }
                    if style.contains("display:none") || style.contains("visibility:hidden") { return true }
                }
            }
            return false
        }
    }
}
