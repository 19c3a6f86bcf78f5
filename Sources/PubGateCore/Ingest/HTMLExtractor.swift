import EncodingKit
import XMLKit

/// HTML through libxml2's HTML parser: everything a reader or a crawler can get.
///
/// Everything the page serves is a segment: visible text, `<title>`, `<meta>` content, attribute
/// values (`alt`, `href`, `data-*`, event handlers …; not layout ones such as `class` or `width`),
/// comments, and script and style bodies (marked `script`: served with the page, never shown).
/// Comments and attribute values are lines of their own after the text of their block, so that the
/// line a reader sees reads as it is shown (a link's target does not split it). Text
/// inside hidden elements and `<template>` is kept and marked `hidden`. Inline elements (`span`, `a`,
/// …) do not break text, so a number split across spans is one run for the scanner.
struct HTMLExtractor: TextExtractor {

    static let blockElements = ASCIINameSet([
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select", "table", "tbody", "td",
        "textarea", "tfoot", "th", "thead", "title", "tr", "ul",
        // SVG's text elements are drawn apart from one another.
        "svg", "text", "desc",
    ])
    /// Whether an element's body is code (`script`, `style`): its text is its own block, marked
    /// `script`. Two comparisons, cheaper than a set's lookup.
    static func isCode(_ name: String) -> Bool { name == "script" || name == "style" }
    /// Attributes whose values are layout or identifiers, not text: everything else is scanned (a
    /// CMS's numeric `id`s would otherwise read as card numbers). `style` is read for hiding only.
    static let layoutAttributes = ASCIINameSet([
        "class", "id", "name", "style", "width", "height", "align", "valign", "border", "cellpadding", "cellspacing",
        "colspan", "rowspan", "type", "rel", "target", "lang", "dir", "charset", "method", "tabindex", "role",
        "frameborder", "scrolling", "bgcolor", "color", "size", "face", "span", "nowrap", "xmlns", "for", "media",
        "hidden", "aria-hidden", "selected", "checked", "disabled", "readonly", "async", "defer", "crossorigin",
        "integrity", "loading", "sizes", "maxlength", "cols", "rows", "start", "shape", "coords",
    ])

    func extract(_ text: DecodedText) -> TextExtraction {
        var extraction = TextExtraction()
        // A Hugo content file may be HTML under front matter: the block is read as front matter
        // and blanked (line breaks kept, every other byte a space) for the HTML parser, so lines
        // and positions stay exact.
        // The block is found as a Markdown page's is: in the characters of a prefix only.
        var source = text.utf8
        let front = FrontMatterBlock.mayStart(source) ? MarkdownExtractor.frontMatter(source) : nil
        if let (block, _, offsets) = front {
            MarkdownExtractor.blank(&source, Int(offsets[block.range.lowerBound])..<Int(offsets[block.range.upperBound]))
        }
        // Blanking keeps line breaks: the decoded text's line starts are the source's.
        var walker = Walker(aligner: SourceAligner(source: source, lineStarts: text.lineStarts))
        do {
            try MarkupParser.parseHTML(source, into: &walker)
        } catch {
            extraction.findings.append(
                Finding(
                    ruleID: "markup_unparsable", kind: .unscannable, severity: .block,
                    text: Message("markup_unparsable.html", ["reason": error.description])))
            return extraction
        }
        walker.closeBlock()
        extraction.segments = walker.segments
        var metadata = MetadataReader.read(walker.segments)
        for (k, v) in walker.meta where metadata[k] == nil { metadata[k] = v }
        if let (block, scalars, offsets) = front {
            let read = block.read(scalars)
            extraction.segments.insert(contentsOf: read.segments.map { $0.remapped(through: offsets) }, at: 0)
            for (key, value) in read.fields where metadata[key] == nil { metadata[key] = value }
            if let problem = read.problem { extraction.findings.append(problem) }
        }
        extraction.metadata = metadata
        return extraction
    }

    /// Builds the segments from the parser's events (a value, held by the parser for the parse). Inside an element the state of its enclosing
    /// elements holds (hidden, in the title); a skipped element's whole content is passed over.
    struct Walker: MarkupHandler {
        var aligner: SourceAligner
        var segments: [TextSegment] = []
        var meta: [String: String] = [:]
        /// The open elements, innermost last.
        private var open: [(block: Bool, hidden: Bool, inTitle: Bool, code: Bool)] = []
        /// Served text met inside the current block that a reader does not read in its flow —
        /// comments and attribute values — added as lines of their own when the block closes. A
        /// comment is no break in the text (`110105<!-- x -->19491231002X` reads as one number), and
        /// a link's target is no part of it (`【字体：<a href="#">大</a> …】` reads `【字体：大 中 小】`).
        private var pending: [TextSegment] = []
        /// The open tables, innermost last: their column headers and the current cell.
        private var tables: [TableColumns] = []

        init(aligner: SourceAligner) {
            self.aligner = aligner
        }

        mutating func startElement(_ name: String, attributes: [MarkupAttribute], line: Int) {
            let enclosing = open.last
            let isHidden = (enclosing?.hidden ?? false) || name == "template" || Self.hides(attributes)
            // Attribute values are aligned now, in source order, and kept for the end of the block
            // the element opens or stands in.
            var values: [TextSegment] = []
            if name == "meta" {
                visitMeta(attributes, line: line)
            } else {
                for attr in attributes where !HTMLExtractor.layoutAttributes.contains(attr.name) {
                    let bytes = Array(attr.value.utf8)
                    if let value = segment(bytes.span, part: .attribute, line: line, endsBlock: true) {
                        values.append(value)
                    }
                }
            }
            let code = HTMLExtractor.isCode(name)
            let block = code || HTMLExtractor.blockElements.contains(name)
            if block { closeBlock() }
            pending += values
            switch name {
            case "table": tables.append(TableColumns())
            case "tr": tables.last?.startRow()
            case "td", "th": tables.last?.startCell(at: segments.count)
            default: break
            }
            open.append((block, isHidden, (enclosing?.inTitle ?? false) || name == "title", code || (enclosing?.code ?? false)))
        }

        mutating func endElement(_ name: String) {
            guard let element = open.popLast() else { return }
            if element.block { closeBlock() }
            switch name {
            case "td", "th": tables.last?.endCell(header: name == "th", segments: &segments)
            case "table": _ = tables.popLast()
            default: break
            }
        }

        mutating func text(_ utf8: Span<UInt8>, line: Int) {
            // White space between tags (half of the calls) makes no segment (SourceAligner.segment).
            let part: ContentPart = open.last.map { $0.code ? .script : $0.inTitle ? .title : ($0.hidden ? .hidden : .body) } ?? .body
            emit(utf8, part: part, line: line, endsBlock: false)
        }

        mutating func comment(_ content: String, line: Int) {
            // Aligned now, in source order; placed after the block's text.
            let bytes = Array(content.utf8)
            if let segment = segment(bytes.span, part: .comment, line: line, endsBlock: true) {
                pending.append(segment)
            }
        }

        /// A tag's content is served text. A name in Chinese (`<meta name="密级" content="机密">`) is
        /// a label a site chose to show its readers' software, so it is text too, on the line above its
        /// content as a table's key cell would be; `description` and the like are not.
        mutating func visitMeta(_ attributes: [MarkupAttribute], line: Int) {
            let nameAttribute = attributes.firstIndex { ["name", "property", "http-equiv"].contains($0.name) }
            guard let contentAttribute = attributes.firstIndex(where: { $0.name == "content" }) else { return }
            let content = attributes[contentAttribute].value
            if let nameAttribute {
                let name = attributes[nameAttribute].value
                if meta["meta:" + name] == nil { meta["meta:" + name] = content }
                // Attributes come in source order; the aligner walks the source forward.
                if nameAttribute < contentAttribute, name.unicodeScalars.contains(where: { !$0.isASCII }) {
                    emit(name, part: .meta, line: line, endsBlock: true)
                }
            }
            emit(content, part: .meta, line: line, endsBlock: true)
        }

        mutating func emit(_ content: String, part: ContentPart, line: Int, endsBlock: Bool) {
            let bytes = Array(content.utf8)
            emit(bytes.span, part: part, line: line, endsBlock: endsBlock)
        }

        mutating func emit(_ utf8: Span<UInt8>, part: ContentPart, line: Int, endsBlock: Bool) {
            if let segment = segment(utf8, part: part, line: line, endsBlock: endsBlock) { segments.append(segment) }
        }

        /// `utf8` aligned to the source from the aligner's cursor on; nil for white space only.
        private mutating func segment(_ utf8: Span<UInt8>, part: ContentPart, line: Int, endsBlock: Bool) -> TextSegment? {
            aligner.segment(utf8, part: part, line: line, endsBlock: endsBlock)
        }

        mutating func closeBlock() {
            if !segments.isEmpty { segments[segments.count - 1].endsBlock = true }
            segments += pending
            pending.removeAll()
        }

        static func hides(_ attributes: [MarkupAttribute]) -> Bool {
            for attr in attributes {
                let name = attr.name
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
