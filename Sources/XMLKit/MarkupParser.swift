internal import CLibXML2

/// Parses HTML and XML with libxml2: HTML as a stream of events (``MarkupHandler``), XML as a tree
/// copied out (the swift-markdown "copy out, then free" shape).
///
/// Input is always UTF-8: callers decode first, so the document's own charset declaration is ignored
/// (`*_PARSE_IGNORE_ENC`). Network access is off and external entities are never loaded or substituted,
/// which blocks XXE-style expansion.
public enum MarkupParser {
    private static let initialized: Bool = {
        xmlInitParser()
        cxml_silence_errors()
        return true
    }()

    /// Parses `utf8` as HTML with libxml2's recovering HTML parser and reports it to `handler` as it
    /// goes (SAX). No tree is built: building libxml2's tree and copying it out cost twice the parse.
    public static func parseHTML<Handler: MarkupHandler>(_ utf8: [UInt8], into handler: inout Handler) throws(XMLParseError) {
        _ = initialized
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        guard let ctxt = unsafe htmlNewParserCtxt() else {
            throw XMLParseError(message: "cannot allocate an HTML parser", line: 0, column: 0)
        }
        defer { unsafe htmlFreeParserCtxt(ctxt) }
        let sink = unsafe HandlerSink(handler: handler, context: ctxt)
        unsafe ctxt.pointee.sax.pointee = HTMLEventSink.callbacks()
        unsafe ctxt.pointee.userData = Unmanaged.passUnretained(sink).toOpaque()
        // No document is returned (nothing builds one); the sink's startDocument says the parse ran.
        withExtendedLifetime(sink) {
            _ = unsafe utf8.withUnsafeBufferPointer { buf in
                unsafe buf.withMemoryRebound(to: CChar.self) { chars in
                    unsafe htmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
                }
            }
        }
        sink.flush()
        handler = unsafe sink.handler
        guard unsafe sink.started else { throw unsafe lastError(ctxt) }
    }

    /// Parses `utf8` as XML. Malformed XML is recovered where libxml2 can; otherwise it throws.
    public static func parseXML(_ utf8: [UInt8]) throws(XMLParseError) -> MarkupDocument {
        try unsafe withXMLDocument(utf8) { root, errors throws(XMLParseError) in
            MarkupDocument(nodes: try unsafe copyChildren(of: root, depth: 0), recoveredErrors: errors)
        }
    }

    /// Parses `utf8` as XML (as ``parseXML(_:)`` does) and reports libxml2's tree to `handler` in
    /// document order, the events and their lines those of the tree ``parseXML(_:)`` copies out,
    /// without building that copy: the copy and its release were most of the Swift around the XML
    /// parser. Returns the number of errors the parser recovered from. A handler that gets an
    /// error thrown has seen part of the document.
    public static func walkXML<Handler: MarkupHandler>(_ utf8: [UInt8], into handler: inout Handler) throws(XMLParseError) -> Int {
        try unsafe withXMLDocument(utf8) { root, errors throws(XMLParseError) in
            var buffer: [UInt8] = []
            try unsafe walkChildren(of: root, depth: 0, into: &handler, buffer: &buffer)
            return errors
        }
    }

    /// The parsed document's root node and its recovered errors, for `body`; freed after.
    private static func withXMLDocument<R>(
        _ utf8: [UInt8], _ body: (xmlNodePtr, Int) throws(XMLParseError) -> R
    ) throws(XMLParseError) -> R {
        _ = initialized
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_HUGE.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
        guard let ctxt = unsafe xmlNewParserCtxt() else {
            throw XMLParseError(message: "cannot allocate an XML parser", line: 0, column: 0)
        }
        defer { unsafe xmlFreeParserCtxt(ctxt) }
        let doc: xmlDocPtr? = unsafe utf8.withUnsafeBufferPointer { buf in
            unsafe buf.withMemoryRebound(to: CChar.self) { chars in
                unsafe xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let doc = unsafe doc else { throw unsafe lastError(ctxt) }
        defer { unsafe xmlFreeDoc(doc) }
        let errors = unsafe ctxt.pointee.wellFormed == 0 ? 1 : 0
        if unsafe doc.pointee.children == nil {
            throw unsafe lastError(ctxt)
        }
        let root = unsafe UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self)
        return try unsafe body(root, errors)
    }

    private static func lastError(_ ctxt: xmlParserCtxtPtr) -> XMLParseError {
        let error = unsafe ctxt.pointee.lastError
        let message = unsafe error.message.map { unsafe String(cString: $0) } ?? "unparsable document"
        return unsafe XMLParseError(
            message: message.trimmingTrailingNewlines(), line: Int(error.line), column: Int(error.int2))
    }

    /// Elements nested deeper than this make the document unreadable: the copy, the readers that
    /// walk the copy and its release all recurse once per level, and 40,000 levels overflowed the
    /// stack and ended the whole batch. libxml2 itself stops at the same depth without
    /// `XML_PARSE_HUGE` (which stays on for its other limits: long text nodes are real).
    public static let maxDepth = 256

    private static func copyChildren(of parent: xmlNodePtr, depth: Int) throws(XMLParseError) -> [MarkupNode] {
        guard depth <= maxDepth else {
            throw XMLParseError(message: "elements nested more than \(maxDepth) levels deep", line: unsafe Int(xmlGetLineNo(parent)), column: 0)
        }
        var result: [MarkupNode] = []
        var child = unsafe parent.pointee.children
        while let node = unsafe child {
            if unsafe node.pointee.type == XML_DTD_NODE {
                result += unsafe entityValues(in: node)
            } else if let copied = try unsafe copy(node, depth: depth) {
                result.append(copied)
            }
            unsafe child = unsafe node.pointee.next
        }
        return result
    }

    /// The replacement text of every internal entity the DTD declares, as comments: references are
    /// never substituted, but a reader that expands `&sfz;` shows what it stands for.
    private static func entityValues(in dtd: xmlNodePtr) -> [MarkupNode] {
        var result: [MarkupNode] = []
        var child = unsafe dtd.pointee.children
        while let node = unsafe child {
            if unsafe node.pointee.type == XML_ENTITY_DECL {
                let entity = unsafe UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlEntity.self)
                if let value = unsafe string(entity.pointee.content) {
                    // Declarations carry no line (-1); the aligner finds the text in the source.
                    result.append(.comment(value, line: unsafe max(0, Int(xmlGetLineNo(node)))))
                }
            }
            unsafe child = unsafe node.pointee.next
        }
        return result
    }

    /// An element's attributes with their values as libxml2 gives them (entities replaced), in order.
    private static func attributes(of node: xmlNodePtr) -> [MarkupAttribute] {
        var attributes: [MarkupAttribute] = []
        var attr = unsafe node.pointee.properties
        while let a = unsafe attr {
            let attrName = unsafe string(a.pointee.name) ?? ""
            var value = ""
            if let raw = unsafe xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = unsafe String(cString: raw)
                unsafe cxml_free(raw)
            }
            attributes.append(MarkupAttribute(name: attrName, value: value))
            unsafe attr = unsafe a.pointee.next
        }
        return attributes
    }

    private static func copy(_ node: xmlNodePtr, depth: Int) throws(XMLParseError) -> MarkupNode? {
        let line = unsafe Int(xmlGetLineNo(node))
        switch unsafe node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = unsafe string(node.pointee.name) ?? ""
            let attributes = unsafe attributes(of: node)
            return .element(name: name, attributes: attributes, children: try unsafe copyChildren(of: node, depth: depth + 1), line: line)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            let content = unsafe string(node.pointee.content) ?? ""
            return .text(content, isCDATA: unsafe node.pointee.type == XML_CDATA_SECTION_NODE, line: line)
        case XML_COMMENT_NODE:
            return .comment(unsafe string(node.pointee.content) ?? "", line: line)
        case XML_PI_NODE:
            // A processing instruction's data is served with the file like a comment.
            return .comment(unsafe string(node.pointee.content) ?? "", line: line)
        case XML_ENTITY_REF_NODE:
            // Never substituted (no XML_PARSE_NOENT): keep the reference visible as text.
            let name = unsafe string(node.pointee.name) ?? ""
            return .text("&\(name);", isCDATA: false, line: line)
        default:
            return nil
        }
    }

    /// ``copyChildren(of:depth:)`` as events: the same nodes in the same order, the same depth limit.
    private static func walkChildren<Handler: MarkupHandler>(
        of parent: xmlNodePtr, depth: Int, into handler: inout Handler, buffer: inout [UInt8]
    ) throws(XMLParseError) {
        guard depth <= maxDepth else {
            throw XMLParseError(message: "elements nested more than \(maxDepth) levels deep", line: unsafe Int(xmlGetLineNo(parent)), column: 0)
        }
        var child = unsafe parent.pointee.children
        while let node = unsafe child {
            if unsafe node.pointee.type == XML_DTD_NODE {
                for case .comment(let value, let line) in unsafe entityValues(in: node) { handler.comment(value, line: line) }
            } else {
                try unsafe walk(node, depth: depth, into: &handler, buffer: &buffer)
            }
            unsafe child = unsafe node.pointee.next
        }
    }

    /// ``copy(_:depth:)`` as events; text is lent as UTF-8 from `buffer`.
    private static func walk<Handler: MarkupHandler>(
        _ node: xmlNodePtr, depth: Int, into handler: inout Handler, buffer: inout [UInt8]
    ) throws(XMLParseError) {
        let line = unsafe Int(xmlGetLineNo(node))
        switch unsafe node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = unsafe string(node.pointee.name) ?? ""
            let attributes = unsafe attributes(of: node)
            handler.startElement(name, attributes: attributes, line: line)
            try unsafe walkChildren(of: node, depth: depth + 1, into: &handler, buffer: &buffer)
            handler.endElement(name)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            buffer.removeAll(keepingCapacity: true)
            if let content = unsafe node.pointee.content {
                unsafe buffer.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            handler.text(buffer.span, line: line)
        case XML_COMMENT_NODE, XML_PI_NODE:
            handler.comment(unsafe string(node.pointee.content) ?? "", line: line)
        case XML_ENTITY_REF_NODE:
            let name = unsafe string(node.pointee.name) ?? ""
            buffer = Array("&\(name);".utf8)
            handler.text(buffer.span, line: line)
        default:
            break
        }
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer = unsafe pointer else { return nil }
        return unsafe String(cString: pointer)
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var s = self
        while s.last == "\n" { s.removeLast() }
        return s
    }
}
