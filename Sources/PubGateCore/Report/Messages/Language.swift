/// The language of what people read: findings, the terminal summary, the HTML report and SARIF.
/// Chinese by default (the reviewers of a 政府网站 read Chinese); `--lang en` for English.
/// Machine fields (rule ids, kinds, severities, decisions in the manifest) never change with it.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// The catalogue file of this language in the messages folder (`Rules/messages/zh.yaml`).
    var fileName: String { rawValue + ".yaml" }

    /// The HTML `lang` attribute.
    var htmlTag: String {
        switch self {
        case .zh: "zh-CN"
        case .en: "en"
        }
    }
}
