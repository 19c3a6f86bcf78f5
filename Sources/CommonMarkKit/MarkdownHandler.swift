/// Receives a Markdown document node by node, in document order, as cmark-gfm's iterator walks
/// the tree: `enter` for every node (a leaf only gets `enter`), `exit` for every container after
/// its children. No Swift tree is built: the handler keeps what it needs.
public protocol MarkdownHandler: AnyObject {
    func enter(_ node: MarkdownNode)
    func exit(_ node: MarkdownNode)
}
