/// Where in a document a piece of text came from; findings carry it so a reviewer knows where to look.
///
/// Office, OFD and PDF files add the places a web reviewer never sees: a draft's tracked deletions,
/// comments and hidden text are still in the file that would be published.
enum ContentPart: String, Sendable, Codable, CaseIterable {
    /// Visible body text (for a spreadsheet: the cells of a visible sheet, row, column).
    case body
    /// The HTML `<title>` element.
    case title
    /// A `<meta>` tag's content.
    case meta
    /// An attribute value (`title`, `alt`, `href`, …) a crawler or a hover shows.
    case attribute
    /// An HTML or XML comment, or a reviewer's comment in a Word file or on a spreadsheet cell:
    /// served with the file though not printed.
    case comment
    /// An element hidden with `display:none`, `visibility:hidden` or `hidden`, or a `<template>`.
    case hidden
    /// A `<script>` or `<style>` body: served with the page and run or applied, never shown.
    case script
    /// Markdown front matter.
    case frontMatter = "front-matter"
    /// A page header of a word-processing document (where 密级 marks and 内部资料 stamps live).
    case header
    /// A page footer.
    case footer
    /// A footnote or endnote.
    case footnote
    /// A text box or shape with text, positioned outside the text flow.
    case textBox = "text-box"
    /// Text a tracked change deleted: not printed, still in the file.
    case deletedRevision = "deleted-revision"
    /// Text a tracked change inserted and nobody accepted yet.
    case insertedRevision = "inserted-revision"
    /// Text formatted as hidden (Word `w:vanish`, ODF `text:display="none"`).
    case hiddenText = "hidden-text"
    /// A document property (author, company, last modified by, custom properties, PDF/OFD info).
    case property
    /// A cell of a hidden or very hidden sheet.
    case hiddenSheet = "hidden-sheet"
    /// A cell in a hidden row or column of a visible sheet.
    case hiddenCell = "hidden-cell"
    /// A spreadsheet's defined name and the range or formula it stands for.
    case definedName = "defined-name"
    /// An OFD annotation (a reviewer's remark, a stamp's text).
    case annotation
    /// The name of a file embedded in or attached to the document.
    case attachment
    /// The reviewed file's own name (part of its address once published).
    case fileName = "file-name"
}
