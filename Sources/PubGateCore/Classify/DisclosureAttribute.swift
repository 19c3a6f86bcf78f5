/// The 公开属性 of a document (docs/domain.md §2.1).
public enum DisclosureAttribute: String, Sendable, Codable, CaseIterable {
    /// 主动公开 (此件公开发布 / 此件主动公开).
    case active = "主动公开"
    /// 删减后公开 / 部分公开.
    case partial = "部分公开"
    /// 依申请公开: never for the proactive web channel.
    case onRequest = "依申请公开"
    /// 不予公开 / 不公开 / 免予公开.
    case notPublic = "不予公开"

    /// Maps the wording found in a declaration to a value.
    init?(wording: String) {
        let w = wording.filter { !$0.isWhitespace }
        if w.contains("依申请") {
            self = .onRequest
        } else if w.contains("不予公开") || w.contains("不公开") || w.contains("免予公开") {
            self = .notPublic
        } else if w.contains("删减") || w.contains("部分公开") {
            self = .partial
        } else if w.contains("公开发布") || w.contains("主动公开") {
            self = .active
        } else {
            return nil
        }
    }

    /// Stricter values win when declarations disagree.
    var strictness: Int {
        switch self {
        case .active: 0
        case .partial: 1
        case .onRequest: 2
        case .notPublic: 3
        }
    }
}

/// Where a document declares its attribute, and what it says there.
public struct AttributeDeclaration: Sendable, Codable, Hashable {
    /// `annotation` (附注), `colophon` (版记 公开方式), `metadata` (the page's table), `front-matter`, `xml-field`.
    public let source: String
    public let value: DisclosureAttribute
}
