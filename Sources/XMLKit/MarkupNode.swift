/// One node of an XML document, copied out of libxml2 so no C pointer outlives parsing (HTML is
/// read as events instead, ``MarkupHandler``).
public indirect enum MarkupNode: Sendable, Equatable {
    /// An element with its attributes in source order, its children and its 1-based source line.
    case element(name: String, attributes: [MarkupAttribute], children: [MarkupNode], line: Int)
    /// Character data (entities already decoded); `isCDATA` for `<![CDATA[…]]>` sections.
    case text(String, isCDATA: Bool, line: Int)
    /// The content of a `<!-- … -->` comment; also what else a file serves unseen: a processing
    /// instruction's data, an internal entity's replacement text (XML).
    case comment(String, line: Int)

    /// The element name as written.
    public var elementName: String? {
        if case .element(let name, _, _, _) = self { return name }
        return nil
    }
}

/// An attribute name and its decoded value.
public struct MarkupAttribute: Sendable, Equatable {
    public let name: String
    public let value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A parsed document: its top-level nodes and the number of errors the parser recovered from.
public struct MarkupDocument: Sendable, Equatable {
    public let nodes: [MarkupNode]
    public let recoveredErrors: Int
}
