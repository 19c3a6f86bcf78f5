/// What a document shows about itself that a rule's scope can depend on, named so that a rule file
/// and the code's own checks read the same fact through one pattern (``LinePatterns``), never two
/// copies that drift apart. `applies_to.unless_document_shows` lists them, and
/// `context.lower_if_document_shows`.
enum DocumentFact: String, Codable, Sendable, CaseIterable {
    /// A business registration with its value (统一社会信用代码/注册号/营业执照号码: the code, on the
    /// same line or the next), a 主体资格证照名称 of 营业执照, or a 有限公司: the party of a decision is
    /// a business, whose name and operator may be published (X-01 masks natural persons only).
    case businessRegistration = "business_registration"
    /// The title announces a recruitment (…公开招聘警务辅助人员公告, 招录, 招考): the figures of officers
    /// on the page are posts to fill, not a deployment.
    case recruitment
    /// The title reports a task done (…圆满完成…安保任务, …顺利闭幕): the page tells what happened
    /// after the event, which is no advance notice of a plan (docs/domain.md §4.4: WARN).
    case reportAfterEvent = "report_after_event"

    /// Whether the document shows the fact: `ownText` is its own lines as UTF-8 (page chrome left
    /// out, see ``RuleScanner/ownText(of:)``), asked for only by the facts read in the text.
    func holds(title: String?, ownText: () -> [UInt8]) -> Bool {
        switch self {
        case .businessRegistration:
            return ((try? LinePatterns.shared.businessRegistration.regex.firstMatch(in: ownText(), validUTF8: true)) ?? nil) != nil
        case .recruitment:
            return title?.firstMatch(\.recruitmentTitle) != nil
        case .reportAfterEvent:
            return title?.firstMatch(\.afterEventTitle) != nil
        }
    }
}
