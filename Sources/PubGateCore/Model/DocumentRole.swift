/// What a reviewed file is to the site: a document a person publishes, or an asset of the site
/// itself (a template, a section list page, a file served as it is). An asset is scanned for leaks
/// like any page — a number in a footer template is published on every page — but is not judged
/// as a document: it needs no 公开属性, has no type, no publication rules and takes no part in
/// the batch's aggregation. Which files are assets is a setting (`paths`, ``PathRoles``).
public enum DocumentRole: String, Sendable, Codable {
    case document, asset
}
