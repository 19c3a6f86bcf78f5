import PCRE2Kit

/// A part of the site whose pages share a 公开属性 and a type: a CMS assigns both per column
/// (栏目), so a page inherits them unless it says otherwise (docs/domain.md §2.2, source 5).
///
/// A section is named by a path glob (`content/zwgk/xzcf/**`, matched against the reviewed path
/// from any folder boundary), by a column (a pattern on the page's 栏目, breadcrumb and category
/// keys), or by both (then both must hold).
public struct SiteSection: Sendable, Codable, Hashable {
    public var path: String?
    public var column: String?
    /// The attribute a page of the section has when it declares none.
    public var attribute: DisclosureAttribute?
    /// The type a page of the section has when its title names no genre.
    public var type: DocumentType?

    public init(path: String? = nil, column: String? = nil, attribute: DisclosureAttribute? = nil, type: DocumentType? = nil) {
        self.path = path
        self.column = column
        self.attribute = attribute
        self.type = type
    }

    /// Whether a page at `path`, filed under `columns` (one per line), belongs to the section.
    public func matches(path file: String, columns: String?) -> Bool {
        if let path {
            guard PathGlob(path, anchor: .anyFolder).matches(file) else { return false }
        }
        if let column {
            guard let columns, let re = try? PCRE2Regex(column, options: [.ucp]),
                ((try? re.firstMatch(in: Array(columns.utf8), validUTF8: true)) ?? nil) != nil
            else { return false }
        }
        return path != nil || column != nil
    }

    /// Checks the section's patterns compile; the message names what is wrong.
    func problem() -> String? {
        if path == nil, column == nil { return "a section needs `path` or `column`" }
        if attribute == nil, type == nil { return "a section needs `attribute` or `type`" }
        if let column {
            do { _ = try PCRE2Regex(column, options: [.ucp]) } catch { return "column pattern: \(error.message)" }
        }
        return nil
    }
}
