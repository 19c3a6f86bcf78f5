/// The page-chrome kinds of one document's lines, each line judged once: the content lines
/// (``ElementExtractor/content(_:chrome:)``) and the breadcrumb's columns
/// (``Classifier/breadcrumbColumns(_:chrome:)``) look at the same first lines, and judging a line
/// (``PageChrome``) is a handful of byte searches and patterns.
struct ChromeJudgments {
    /// By where the line starts in the matching copy (lines do not overlap); nil for text.
    private var kinds = [Int: PageChrome.Kind?](minimumCapacity: 2 * ElementExtractor.chromeLines + 8)

    /// What kind of chrome `line` is, or nil for document text.
    mutating func kind(of line: DocumentLine) -> PageChrome.Kind? {
        if let known = kinds[line.range.lowerBound] { return known }
        let kind = PageChrome.kind(of: line.utf8)
        kinds[line.range.lowerBound] = kind
        return kind
    }
}
