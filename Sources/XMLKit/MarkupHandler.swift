/// Receives an HTML document as libxml2 reads it, without a tree being built.
///
/// A handler may be a value: the parser holds it for the parse and hands it back (`inout`), so its
/// state is reached without the runtime's exclusivity checks a class's stored properties pay on
/// every access (a fifth of the HTML path's Swift instructions when the walker was a class).
///
/// The calls follow the parse as libxml2's own tree builder receives them, so a handler sees the
/// tree the tree builder would have made (give or take whitespace-only text): every `startElement` is matched by an
/// `endElement` (elements the parser closes implicitly, void elements and elements left open at the
/// end of the file included), and adjacent character data arrives joined as one `text` call, as
/// the builder joins it into one text node. Text outside every element is dropped, as the builder
/// drops it. Lines are 1-based and are where the parser was when it reported the node: the end of a
/// start tag, or of the first chunk of a text.
public protocol MarkupHandler {
    /// An element opens. Element and attribute names are lower case (libxml2's HTML parser
    /// lowercases both as it reads them); attributes are in source order with entities decoded (an
    /// attribute without a value has the empty string).
    mutating func startElement(_ name: String, attributes: [MarkupAttribute], line: Int)
    mutating func endElement(_ name: String)
    /// Character data with entities decoded, as UTF-8 lent for the call (no `String` is made: the
    /// handler decodes what it keeps); the content of `script` and `style` comes this way too.
    mutating func text(_ utf8: Span<UInt8>, line: Int)
    /// The content of a `<!-- … -->` comment.
    mutating func comment(_ content: String, line: Int)
}
