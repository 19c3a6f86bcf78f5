internal import CLibXML2

/// Turns libxml2's SAX callbacks into ``MarkupHandler`` calls, doing what libxml2's tree builder
/// does with them (`SAX2.c`): character data is joined until the next element or comment, and text
/// with no open element is dropped. Whitespace libxml2 calls ignorable is dropped as the builder
/// drops it; without a tree to look at, libxml2 calls less of it ignorable, so a handler may get
/// whitespace-only text the tree would not have held.
///
/// The C callbacks cannot name a generic type, so they reach this base class; ``HandlerSink``
/// delivers to the handler. The state is touched only from libxml2's callbacks during one parse on
/// one thread, so the runtime's exclusivity checks (one per access of a class's stored property)
/// are left out.
@safe class HTMLEventSink {
    /// Read only for the current line, while libxml2 runs this sink's parse.
    private let context: htmlParserCtxtPtr
    @exclusivity(unchecked) private var pending: [UInt8] = []
    @exclusivity(unchecked) private var pendingLine = 0
    /// Open elements: text at depth 0 has no parent to go to.
    @exclusivity(unchecked) private var depth = 0
    /// Set when libxml2 starts the document; a parse that never starts failed outright.
    @exclusivity(unchecked) private(set) var started = false

    init(context: htmlParserCtxtPtr) {
        unsafe self.context = context
    }

    /// What the handler is told; ``HandlerSink`` overrides each.
    func deliverStart(_ name: String, attributes: [MarkupAttribute], line: Int) {}
    func deliverEnd(_ name: String) {}
    func deliverText(_ utf8: Span<UInt8>, line: Int) {}
    func deliverComment(_ content: String, line: Int) {}

    /// Where the parser is: the line libxml2's tree builder would record for a node made now.
    private var line: Int {
        unsafe context.pointee.input.map { unsafe Int($0.pointee.line) } ?? 0
    }

    /// Reports the joined character data, if any.
    func flush() {
        guard unsafe !pending.isEmpty else { return }
        if unsafe depth > 0 { unsafe deliverText(pending.span, line: pendingLine) }
        unsafe pending.removeAll(keepingCapacity: true)
    }

    private func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard let bytes = unsafe bytes, count > 0 else { return }
        if unsafe pending.isEmpty { unsafe pendingLine = line }
        unsafe pending.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    private func startElement(_ name: UnsafePointer<xmlChar>?, _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        flush()
        var attributes: [MarkupAttribute] = []
        if var pair = unsafe atts {
            while let attName = unsafe pair.pointee {
                let value = unsafe pair.advanced(by: 1).pointee.map { unsafe String(cString: $0) } ?? ""
                unsafe attributes.append(MarkupAttribute(name: String(cString: attName), value: value))
                unsafe pair = pair.advanced(by: 2)
            }
        }
        unsafe depth += 1
        deliverStart(unsafe name.map { unsafe String(cString: $0) } ?? "", attributes: attributes, line: line)
    }

    private func endElement(_ name: UnsafePointer<xmlChar>?) {
        flush()
        unsafe depth = unsafe max(0, depth - 1)
        deliverEnd(unsafe name.map { unsafe String(cString: $0) } ?? "")
    }

    private func comment(_ value: UnsafePointer<xmlChar>?) {
        flush()
        deliverComment(unsafe value.map { unsafe String(cString: $0) } ?? "", line: line)
    }

    private static func sink(_ ctx: UnsafeMutableRawPointer?) -> HTMLEventSink {
        unsafe Unmanaged<HTMLEventSink>.fromOpaque(ctx!).takeUnretainedValue()
    }

    /// The handler table: libxml2 passes the parser context's `userData`, set to the sink.
    static func callbacks() -> htmlSAXHandler {
        var sax = unsafe htmlSAXHandler()
        unsafe sax.startDocument = { ctx in unsafe HTMLEventSink.sink(ctx).started = true }
        unsafe sax.startElement = { ctx, name, atts in unsafe HTMLEventSink.sink(ctx).startElement(name, atts) }
        unsafe sax.endElement = { ctx, name in unsafe HTMLEventSink.sink(ctx).endElement(name) }
        unsafe sax.characters = { ctx, bytes, count in unsafe HTMLEventSink.sink(ctx).characters(bytes, count) }
        unsafe sax.cdataBlock = { ctx, bytes, count in unsafe HTMLEventSink.sink(ctx).characters(bytes, count) }
        unsafe sax.comment = { ctx, value in unsafe HTMLEventSink.sink(ctx).comment(value) }
        return unsafe sax
    }
}

/// The sink of one parse into a `Handler`, held here for the parse and handed back after it.
@safe final class HandlerSink<Handler: MarkupHandler>: HTMLEventSink {
    @exclusivity(unchecked) var handler: Handler

    init(handler: Handler, context: htmlParserCtxtPtr) {
        unsafe self.handler = handler
        unsafe super.init(context: context)
    }

    override func deliverStart(_ name: String, attributes: [MarkupAttribute], line: Int) {
        unsafe handler.startElement(name, attributes: attributes, line: line)
    }
    override func deliverEnd(_ name: String) { unsafe handler.endElement(name) }
    override func deliverText(_ utf8: Span<UInt8>, line: Int) { unsafe handler.text(utf8, line: line) }
    override func deliverComment(_ content: String, line: Int) { unsafe handler.comment(content, line: line) }
}
