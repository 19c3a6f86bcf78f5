/// Where in a document a piece of text came from; findings carry it so a reviewer knows where to look.
public enum ContentPart: String, Sendable, Codable, CaseIterable {
    /// Visible body text.
    case body
    /// The HTML `<title>` element.
    case title
    /// A `<meta>` tag's content.
    case meta
    /// An attribute value (`title`, `alt`, `href`, …) a crawler or a hover shows.
    case attribute
    /// An HTML or XML comment: served with the page though not rendered.
    case comment
    /// An element hidden with `display:none`, `visibility:hidden` or `hidden`.
    case hidden
    /// Markdown front matter.
    case frontMatter = "front-matter"
}
