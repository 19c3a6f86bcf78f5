import PCRE2Kit

/// A part of the site whose pages share a 公开属性 and a type: a CMS assigns both per column
/// (栏目), so a page inherits them unless it says otherwise (docs/domain.md §2.2, source 5).
///
/// A section is named by a path glob (`content/zwgk/xzcf/**`, matched against the reviewed path
/// from any folder boundary), by a column (a pattern on the page's 栏目, breadcrumb and category
/// keys), or by both (then both must hold).
struct SiteSection: Sendable, Codable, Hashable {
    var path: String?
    var column: String?
    /// The attribute a page of the section has when it declares none.
    var attribute: DisclosureAttribute?
    /// The type a page of the section has when its title names no genre.
    var type: DocumentType?

    init(path: String? = nil, column: String? = nil, attribute: DisclosureAttribute? = nil, type: DocumentType? = nil) {
        self.path = path
        self.column = column
        self.attribute = attribute
        self.type = type
    }

    /// The section with its glob and column pattern compiled once (the classifier asks it of every
    /// page). Settings loading checks every section (``problem()``, exit 78), so a loaded
    /// configuration holds none whose pattern fails; one that did would match no page.
    struct Matcher: Sendable {
        let section: SiteSection
        private let glob: PathGlob?
        private let column: PCRE2Regex?

        init(_ section: SiteSection) {
            self.section = section
            glob = section.path.map { PathGlob($0, anchor: .anyFolder) }
            column = section.column.flatMap { try? PCRE2Regex($0, options: [.ucp]) }
        }

        /// Whether a page at `file`, filed under `columns` (one per line), belongs to the section.
        func matches(path file: String, columns: String?) -> Bool {
            if let glob {
                guard glob.matches(file) else { return false }
            }
            if section.column != nil {
                guard let columns, let column, ((try? column.firstMatch(in: Array(columns.utf8), validUTF8: true)) ?? nil) != nil
                else { return false }
            }
            return glob != nil || section.column != nil
        }
    }

    /// What is wrong with the section, or nil: what it must name, and its patterns compile.
    func problem() -> String? {
        if path == nil, column == nil { return "a section needs `path` or `column`" }
        if attribute == nil, type == nil { return "a section needs `attribute` or `type`" }
        if let path, !PathGlob(path, anchor: .anyFolder).compiles { return "path `\(path)` is not a glob pubgate can read" }
        if let column {
            do { _ = try PCRE2Regex(column, options: [.ucp]) } catch { return "column pattern: \(error.message)" }
        }
        return nil
    }
}
