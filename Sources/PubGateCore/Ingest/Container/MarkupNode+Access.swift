import XMLKit

/// Read-only navigation of a copied-out XML tree by local name (libxml2 drops the prefix:
/// `w:p` is `p`, `r:id` is `id`), which is all the package formats need.
extension MarkupNode {
    /// Child nodes of an element; none for text and comments.
    var children: [MarkupNode] {
        if case .element(_, _, let children, _) = self { return children }
        return []
    }

    /// Child elements named `name`.
    func children(_ name: String) -> [MarkupNode] {
        children.filter { $0.elementName == name }
    }

    /// The first child element named `name`.
    func child(_ name: String) -> MarkupNode? {
        children.first { $0.elementName == name }
    }

    /// The value of attribute `name`.
    func attribute(_ name: String) -> String? {
        if case .element(_, let attributes, _, _) = self { return attributes.first { $0.name == name }?.value }
        return nil
    }

    /// Every descendant element named `name`, in document order.
    func descendants(_ name: String) -> [MarkupNode] {
        var found: [MarkupNode] = []
        func walk(_ node: MarkupNode) {
            for child in node.children {
                if child.elementName == name { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }

    /// All text below this node, concatenated.
    var textContent: String {
        switch self {
        case .text(let t, _, _): return t
        case .comment: return ""
        case .element(_, _, let children, _): return children.map(\.textContent).joined()
        }
    }
}

extension MarkupDocument {
    /// The document element.
    var root: MarkupNode? { nodes.first { $0.elementName != nil } }
}
