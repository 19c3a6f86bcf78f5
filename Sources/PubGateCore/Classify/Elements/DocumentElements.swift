/// The GB/T 9704-2012 elements of a 公文, as far as a document has them (docs/domain.md §3).
///
/// 版头 (份号 … 签发人), 主体 (标题 … 附件) and 版记 (抄送, 印发). Web pages often drop the 版头 and
/// 版记; every element is optional. The manifest reports them per document, and the publication
/// checks, the expiry sweep and the corpus index read their values from here.
struct DocumentElements: Sendable, Codable, Hashable {
    /// 份号: six-digit copy number (only secret documents carry one).
    var copyNumber: ElementText?
    /// 密级和保密期限, e.g. 秘密★1年.
    var secrecy: ElementText?
    /// 紧急程度: 特急 / 加急 (电报: 特提 / 平急).
    var urgency: ElementText?
    /// 发文机关标志, e.g. 本溪市公安局文件.
    var issuerMark: ElementText?
    /// 发文字号 as written.
    var documentNumber: ElementText?
    /// 签发人 (上行文 only).
    var signer: ElementText?
    var title: ElementText?
    /// 主送机关.
    var recipients: ElementText?
    /// 正文: first and last line.
    var body: BodySpan?
    /// 附件说明.
    var attachmentNote: ElementText?
    /// 发文机关署名.
    var issuerSignature: ElementText?
    /// 成文日期.
    var writtenDate: ElementText?
    /// 附注 lines, e.g. （此件公开发布）.
    var annotations: [ElementText] = []
    /// 附件 headings after the main text.
    var attachments: [ElementText] = []
    /// 抄送机关.
    var copiesTo: ElementText?
    /// 印发机关和印发日期.
    var printing: ElementText?

    init() {}

    /// The first and last original line of the 正文.
    struct BodySpan: Sendable, Codable, Hashable {
        let firstLine: Int
        let lastLine: Int

        enum CodingKeys: String, CodingKey {
            case firstLine = "first_line"
            case lastLine = "last_line"
        }
    }

    /// True when the document has enough of a 公文's elements to be one (docs/domain.md §1.1: ≥ 2 of
    /// 发文字号, 主送, 成文日期, 附注, 版记).
    var isGongwen: Bool {
        let present = [documentNumber != nil, recipients != nil, writtenDate != nil, !annotations.isEmpty, copiesTo != nil || printing != nil]
        return present.filter { $0 }.count >= 2
    }

    enum CodingKeys: String, CodingKey {
        case copyNumber = "copy_number"
        case secrecy, urgency
        case issuerMark = "issuer_mark"
        case documentNumber = "document_number"
        case signer, title, recipients, body
        case attachmentNote = "attachment_note"
        case issuerSignature = "issuer_signature"
        case writtenDate = "written_date"
        case annotations, attachments
        case copiesTo = "copies_to"
        case printing
    }
}
