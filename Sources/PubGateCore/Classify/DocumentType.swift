/// What kind of publication a document is (docs/domain.md §1.1); rules and checks depend on it.
///
/// Besides the 公文 genres the spec names, the kinds of page a 政务公开 site publishes every week
/// have types of their own — annual reports, service guides, meeting reports, police bulletins,
/// clean-up lists — because what is normal on one (an office's address in a guide, case statistics
/// in a 警情通报) is a finding on another.
public enum DocumentType: String, Sendable, Codable, CaseIterable {
    case normative
    case policy
    case interpretation
    case proposalReply = "proposal_reply"
    case penalty
    case licence
    case publicity
    case notice
    case consultation
    case wanted
    case foiReply = "foi_reply"
    /// 政府信息公开工作年度报告 (条例 Art. 49–50).
    case annualReport = "annual_report"
    /// 办事指南 and 政府信息公开指南: what to submit, where and how.
    case guide
    /// A report of a meeting (常务会议, 联席会议 …).
    case meeting
    /// 警情通报: case and call statistics after the fact.
    case policeBulletin = "police_bulletin"
    /// A clean-up result or repeal list of 规范性文件 (继续有效 / 废止 / 失效 目录).
    case repealList = "repeal_list"
    case news
    case other

    /// Types published because a law or their nature addresses them to the public (docs/domain.md
    /// §2.2, revision): without a declaration they are implied 主动公开, not a missing attribute.
    var isPublicByNature: Bool {
        switch self {
        case .normative, .interpretation, .proposalReply, .penalty, .licence, .publicity, .consultation, .wanted,
            .annualReport, .guide, .repealList:
            return true
        case .policy, .notice, .foiReply, .meeting, .policeBulletin, .news, .other:
            return false
        }
    }
}
