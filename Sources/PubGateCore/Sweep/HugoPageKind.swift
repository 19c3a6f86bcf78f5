/// What Hugo makes of a content file, by its name: `_index.md` (any page format) is a list page —
/// the home page's or a section's, listing the section's pages — and anything else a single page.
///
/// A list page serves its own text and front matter but is not a document: it has no validity of
/// its own to expire (the sweep leaves it alone) and no 公开属性 to declare (in a review of a Hugo
/// repository it is a site asset by the `paths.hugo_assets` setting).
enum HugoPageKind: Sendable, Equatable {
    case list
    case single

    init(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        self = stem == "_index" ? .list : .single
    }
}
