import Foundation
import PCRE2Kit

/// Every pattern pubgate's own code tests text with, by name, in one place: compiled together when
/// the configuration loads (``load()``, called by ``ReviewConfiguration/load(rulesPath:site:tree:fallbackFolder:)``),
/// so a pattern that does not compile stops the run with exit 78 naming it, instead of a check
/// that silently never fires. (The rule files' patterns are data and compile with their files.)
///
/// Each property is the pattern of the check named in its group; the check's own summary says what
/// it looks for. The texts are matched against the matching copy (normalized: full-width colons,
/// brackets and digits are ASCII there). `PUBGATE_BREAK_PATTERN=<name>` breaks one pattern on
/// purpose (a test: the run must stop with exit 78 naming it).
final class LinePatterns: Sendable {
    /// What a pattern's error names as its file: these patterns are part of the program.
    static let origin = "pubgate's built-in patterns"

    // MARK: Page chrome (``PageChrome``)

    static let breadcrumbLead = #"^(?:当前位置|您的位置|您当前的位置|您现在的位置|当前的位置|所在位置|位置) ?: ?"#
    static let dateBarKeys = #"发布时间|发布日期|发表时间|更新时间|来源|信息来源|作者|编辑|责任编辑|撰稿|供稿|浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问量|字号|字体"#

    /// The site footer: 网站标识码, ICP 备案, 版权所有, 主办单位.
    let chromeFooter: LinePattern
    /// Print, close, share, font-size and download widgets.
    let chromeWidget: LinePattern.Whole
    /// A `今天是…` greeting.
    let chromeGreeting: LinePattern
    /// The site's name in its banner (某某县人民政府门户网站, 某某市公安局网站): the page's header.
    let chromeSiteName: LinePattern.Whole
    /// `当前位置：` and the items after it.
    let chromeBreadcrumb: LinePattern
    /// What separates breadcrumb items.
    let chromeBreadcrumbSeparator: LinePattern
    /// The home page a breadcrumb starts at.
    let chromeHome: LinePattern.Whole
    /// A line that starts with a date-bar field.
    let chromeDateBarStart: LinePattern
    /// A date-bar field anywhere in the line.
    let chromeDateBarField: LinePattern

    // MARK: GB/T 9704 elements (``ElementExtractor``)

    let elementCopyNumber: LinePattern.Whole
    let elementSecrecy: LinePattern.Whole
    let elementUrgency: LinePattern.Whole
    let elementIssuerMark: LinePattern.Whole
    /// An opening that starts a sentence (根据, 为了 …): body text, not a 主送机关.
    let elementSentenceOpening: LinePattern
    let elementCopiesTo: LinePattern
    let elementPrinting: LinePattern.Whole
    /// A 附注 in brackets.
    let elementAnnotation: LinePattern.Whole
    /// `附件` alone on its line.
    let elementAttachmentHeading: LinePattern.Whole
    /// `附件：…` (the 附件说明).
    let elementAttachmentNote: LinePattern.Whole
    let elementLabelledField: LinePattern
    /// A line that is only a 文号 (with the organ's name before it).
    let elementBareNumber: LinePattern.Whole
    let elementSigner: LinePattern
    let elementDate: LinePattern.Whole
    let elementChineseDate: LinePattern.Whole
    let elementSignature: LinePattern.Whole
    /// The 文种 a title ends with.
    let elementGenreEnding: LinePattern

    // MARK: 文号 (``DocumentNumber``)

    /// The bracketed year and the sequence: the search is anchored here, and the 机关代字 is read
    /// backwards from it (a pattern that starts at the organ code would try every Han character).
    let documentNumber: LinePattern

    // MARK: Classification (``Classifier``)

    /// RX-ATTR-ANNOT of the domain notes (docs/domain.md): the 附注 `（此件主动公开）`.
    let attributeAnnotation: LinePattern
    /// RX-ATTR-KV: `公开方式：主动公开` and its spellings.
    let attributeKeyValue: LinePattern
    /// A yes/no field of a reply's form (是否同意公开：否, the deputy's consent to publishing the
    /// reply): no declares 不予公开, yes 主动公开.
    let consentField: LinePattern
    /// A title that is a 公告 or 通告 as a proclamation (公告, 2025年第3号).
    let proclamationTitle: LinePattern

    // MARK: 公开属性 (``AttributeCheck``)

    /// A record that content was removed before publication (删减后公开).
    let redactionRecord: LinePattern

    // MARK: Publication rules (``PublicationCheck``)

    static let phone = #"(?:0[0-9]{2,3}[- ]?[0-9]{7,8}|1[3-9][0-9]{9})"#
    /// The three 解读 fields (S8) as pages write them: a field of its own (解读人：…), or a contact
    /// line (解读联系方式：疾控科，孙某某：0411-8561xxxx, often on the line below its heading) that
    /// names the unit and the person beside the number.
    let interpretationUnit: LinePattern
    let interpretationPerson: LinePattern
    let interpretationPhone: LinePattern
    /// An interview (答记者问, 新闻发布会), answered by a named office's head.
    let interviewTitle: LinePattern
    /// A title that says the interpretation is someone else's than the drafting office's (【媒体解读】,
    /// 专家解读, 记者解读): 谁起草、谁解读 asks the three fields of the office's own 解读 only.
    let othersInterpretation: LinePattern
    let interviewOffice: LinePattern
    let proposalTopic: LinePattern
    let proposalBracketedTopic: LinePattern
    /// What a topic is when it is only the session and number.
    let proposalSessionOnly: LinePattern
    /// A date range (自2025年6月1日至6月30日), the dates written with 年月日 or numerically
    /// (2025-06-01, 2025.6.1, 2025/6/1).
    let consultationRange: LinePattern
    /// A due date (截止日期为…, 截止：2019-06-18, …前反馈) counted from the notice's own date; the
    /// words before 前 may name the weekday and the hour (6月18日（星期二）上午下班前).
    let consultationDue: LinePattern
    /// A due date without its year (请于7月26日前反馈).
    let consultationDueNoYear: LinePattern
    /// A period counted from the notice (自公告之日起30日内, 自即日起15个工作日): its length, and
    /// whether it counts working days, days or months.
    let consultationPeriod: LinePattern
    /// A period given only by its length (征求意见期限为30天, 为期一个月), counted from the notice.
    let consultationLength: LinePattern
    let consultationChannel: LinePattern
    /// What a consultation puts up for comment when it is a draft of a decision or rule (草案,
    /// 征求意见稿, a 《…办法》): only such drafts have a statutory minimum window.
    let consultationDraft: LinePattern
    /// A draft whose form is a plan (《…活动方案（征求意见稿）》, …工作计划): a statutory window applies
    /// only where the plan is a 重大行政决策 (``consultationMajorDecision``). A 规划 keeps its own
    /// statutory period (城乡规划法), so it is not one of these.
    let consultationPlanDraft: LinePattern
    let consultationMajorDecision: LinePattern
    /// Titles of the two title facts of ``DocumentFact``.
    let recruitmentTitle: LinePattern
    let afterEventTitle: LinePattern
    /// A title that reports on a consultation already held (…征求意见采纳情况的说明, 意见征集结果公示):
    /// it calls for no comments, so it has no window or channel to give.
    let consultationOutcome: LinePattern
    /// The notice says it shortened its window (征求意见期限缩短为5日): the statute allows that when
    /// urgent, with the shortening explained, so a reviewer weighs the reason.
    let consultationShortened: LinePattern
    let writtenDateChinese: LinePattern
    let writtenDatePadded: LinePattern
    /// The punished party's birth or minority. Minority is the party's only where the page says it
    /// of the party (系未成年人, …，未满十八周岁); a minor a business let in (接纳二名未成年人) is the
    /// case's object, not its party.
    let penaltyMinor: LinePattern
    /// A masked resident ID as written: digits kept at each end around the stars.
    let maskedResidentID: LinePattern
    let maskedMobile: LinePattern

    // MARK: Outdated basis (``OutdatedBasisCheck``)

    let basisReliance: LinePattern
    let basisArticle: LinePattern
    let basisRepealing: LinePattern

    // MARK: Guides (``GuideAgencyCheck``)

    static let agency = #"(?![号路街巷道镇乡村向由经对])[\p{sc:Han}]{2,6}?(?:省|市|县|区|州|旗)[\p{sc:Han}]{0,8}?(?:局|厅|委员会|委|办公室|政府|中心|院)"#
    let guideAgency: LinePattern
    let guideTitleAgency: LinePattern
    /// The agency a sentence sends applicants to, or names as the subject of the guide's scope.
    let guideDirected: LinePattern

    // MARK: Scan (``ReaderContext``, ``PersonNameCheck``)

    /// A column whose header names a number of a document or a thing.
    let thingHeader: LinePattern
    let personHeader: LinePattern
    static let partyFields = "当事人|经营者|负责人|法定代表人|投资人|业主|户主|被处罚人|违法行为人|姓名"
    let maskedParty: LinePattern
    /// A party field's name in full: it ends at punctuation or where the sentence goes on with what
    /// the party did (当事人陈国良驾驶…, …于2026年…).
    let namedParty: LinePattern
    /// A name given with an identity detail right after it (何建军，身份证号…; 何建军（男，…）), whatever
    /// field it stands in: with a party masked by the same surname, the page names that party.
    let identifiedName: LinePattern
    /// A line that names the agency's own staff or contacts (执法人员：张伟, 联系人, 承办人).
    let staffLine: LinePattern
    /// Headers of the table column that names a decision's party.
    let partyColumn: LinePattern
    /// A cell that shows its row's party is a business: a registration number or a category that
    /// is not a natural person.
    let businessCell: LinePattern
    /// A business registration in a decision's own lines (a credit code or licence with its value,
    /// a 有限公司): the party is a business, whose name and operator may be published. Read through
    /// ``DocumentFact/businessRegistration`` by the rules' scopes and the addressee check alike.
    let businessRegistration: LinePattern

    // MARK: Aggregation (``EntityExtractor``, ``DocumentProfile``, ``TableColumns``)

    /// An 18- or 15-character identity number, possibly masked with *.
    let identity: LinePattern
    let nameRun: LinePattern
    let attributePhone: LinePattern
    let attributeBirth: LinePattern
    let attributeAddress: LinePattern
    let attributeCaseRole: LinePattern
    let attributeHealth: LinePattern
    let operationTimeWindow: LinePattern
    let operationRoute: LinePattern
    let operationFacilitySites: LinePattern
    let operationEquipment: LinePattern
    let operationDeployment: LinePattern
    let operationCommunications: LinePattern
    let operationPersonnel: LinePattern
    let operationDay: LinePattern
    let operationPlace: LinePattern
    /// A line that links the page's 解读 (相关解读：…).
    let interpretationLink: LinePattern
    /// A first table row that is data (an ID or phone in it), not a header.
    let tableDataRow: LinePattern

    // MARK: Suppressions (``InlineSuppressions``)

    let inlineAllow: LinePattern

    // MARK: Sweep (``RepealReferences``, ``InterpretationTarget``, ``FrontMatterRelabel``, ``StaleLinkCheck``)

    /// A section heading (一、, (二), 第三章, 第一部分).
    let repealHeading: LinePattern
    /// A line that introduces a list (…目录, …清单, 如下).
    let repealListLead: LinePattern
    /// A heading whose words name documents: a regulation's chapter about lapsed certificates does not.
    let repealAboutDocuments: LinePattern
    /// A numbered line, a 《title》 or a Markdown table row.
    let repealListItem: LinePattern
    /// A 序号 cell alone.
    let repealItemNumber: LinePattern
    /// A clean-up table's column heading.
    let repealTableHeading: LinePattern
    /// The number an item starts with (`2.`, `(3)`), with the space after it.
    let repealItemMarker: LinePattern
    /// A title ending in a 文种.
    let repealGenreEnding: LinePattern
    /// A clause that cites its documents as a basis (根据《…》).
    let repealBasisClause: LinePattern
    /// `所解读文件：《…》（…号）` and the other labels sites give that line.
    let interpretedDocumentLine: LinePattern
    let frontMatterValidity: LinePattern
    /// A link in an attribute (href, src, action) of a rendered page.
    let renderedLinkAttribute: LinePattern
    /// A link in a sitemap or feed element.
    let renderedLinkElement: LinePattern
    /// A link in a search index's JSON field.
    let renderedLinkField: LinePattern

    /// Compiles every pattern. Long by nature: one line per pattern, nothing else.
    init(breaking broken: String? = nil) throws(ConfigurationError) {
        func p(_ name: String, _ source: String, _ options: PCRE2Regex.Options = [.ucp]) throws(ConfigurationError) -> LinePattern {
            try LinePattern(name, name == broken ? "(" + source : source, options: options)
        }
        func whole(_ name: String, _ source: String) throws(ConfigurationError) -> LinePattern.Whole {
            try LinePattern.Whole(name, name == broken ? "(" + source : source)
        }
        chromeFooter = try p("chromeFooter", #"网站标识码|ICP备|公网安备|版权所有|主办单位 ?:|承办单位 ?:|技术支持 ?:|网站地图|联系我们 ?\|"#)
        chromeWidget = try whole(
            "chromeWidget",
            #"(?:[【\[]?(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|返回顶部|收藏|分享(?:到)?|扫一扫|字号|大|中|小|默认|纠错|文件下载|关联文件|相关链接|相关文件|附件下载|上一篇|下一篇)[】\]]?[ :>•·]*)+"#)
        chromeGreeting = try p("chromeGreeting", #"^今天是[0-9 ]{4}年"#)
        chromeSiteName = try whole("chromeSiteName", #"[\p{sc:Han}]{2,24}(?:门户网站|政府网站|政务网|网站|政府网)(?: [A-Za-z0-9.]+)?"#)
        chromeBreadcrumb = try p("chromeBreadcrumb", Self.breadcrumbLead + "(.*)$")
        chromeBreadcrumbSeparator = try p("chromeBreadcrumbSeparator", #" ?(?:>>|>|»|›|→|/|-) ?"#)
        chromeHome = try whole("chromeHome", #"(?:网站|门户)?首页|主页|首 页"#)
        chromeDateBarStart = try p("chromeDateBarStart", "^(?:" + Self.dateBarKeys + ") ?:")
        chromeDateBarField = try p("chromeDateBarField", "(?:" + Self.dateBarKeys + ") ?:")

        elementCopyNumber = try whole("elementCopyNumber", #"\d{6}"#)
        elementSecrecy = try whole("elementSecrecy", #"(绝密|机密|秘密)( ?[★☆*] ?[0-9]{0,3} ?(年|个月|长期)?)?"#)
        elementUrgency = try whole("elementUrgency", #"特急|加急|特提|平急"#)
        elementIssuerMark = try whole("elementIssuerMark", #"\p{sc:Han}{2,}(?:局|委|厅|府|部|院|室|会|处|队|所|中心|政府)(?:\p{sc:Han}{0,12})?文件"#)
        elementSentenceOpening = try p("elementSentenceOpening", #"^(?:根据|按照|依据|依照|为了|现将|经)"#)
        elementCopiesTo = try p("elementCopiesTo", #"^抄送:(.+)$"#)
        elementPrinting = try whole("elementPrinting", #".+? +[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日印发"#)
        elementAnnotation = try whole("elementAnnotation", #"\(.{2,80}\)"#)
        elementAttachmentHeading = try whole("elementAttachmentHeading", #"附件 ?[0-9]{0,2}"#)
        elementAttachmentNote = try whole("elementAttachmentNote", #"附件 ?:.+"#)
        elementLabelledField = try p("elementLabelledField", #"^[\p{sc:Han}()/、]{2,12} ?:"#)
        elementBareNumber = try whole("elementBareNumber", #"[\p{sc:Han}]{0,12}[(〔\[]?[0-9]{4}[)〕\]]? ?(?:年 ?)?第? ?[0-9]+ ?号"#)
        elementSigner = try p("elementSigner", #"签发人 ?: ?(\p{sc:Han}[\p{sc:Han}·]{1,7}(?:[ 、,]+\p{sc:Han}[\p{sc:Han}·]{1,7})*)"#)
        elementDate = try whole("elementDate", #"[0-9]{4} ?年 ?[0-9]{1,2} ?月 ?[0-9]{1,2} ?日"#)
        elementChineseDate = try whole("elementChineseDate", #"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"#)
        elementSignature = try whole("elementSignature", #"[\p{sc:Han}()、 ]+"#)
        elementGenreEnding = try p(
            "elementGenreEnding",
            #"(决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要|规定|办法|细则|规则|方案|答复|解读|公示|(?:决定|答复|告知|通知|倡议)书)(?:\([^)]*\))?$"#)

        documentNumber = try p(
            "documentNumber", #"([〔\[【({])[ \t]*(\d{2,4})[ \t]*([〕\]】)}])[ \t]*(字)?[ \t]*(第)?[ \t]*(\d{1,5})[ \t]*号"#, .offsetLimit)

        attributeAnnotation = try p(
            "attributeAnnotation",
            #"^[ \t]*\([ \t]*此件[ \t]*(公开发布|主动公开|依申请公开|不予公开|不公开|免予公开|删减后(?:主动)?公开(?:发布)?|部分公开)[ \t]*(?:[,;][^)]{0,40})?\)[ \t]*$"#,
            [.multiline])
        attributeKeyValue = try p(
            "attributeKeyValue",
            #"(?:公开方式|公开属性|公开类型|公开选项|信息公开选项)[ \t]*:[ \t]*\n?[ \t]*(主动公开|依申请公开|不予公开|不公开|免予公开|部分公开|删减后公开)"#,
            [.multiline])
        consentField = try p(
            "consentField", #"是否(?:同意)?(?:主动)?公开(?:答复|办理结果)?[ \t]*:[ \t]*(是|否|同意|不同意)(?![\p{Han}])"#, [.ucp])
        proclamationTitle = try p("proclamationTitle", #"(?:公告|通告)(?:\([^)]*\))?\s*(?:[0-9]{4}年)?(?:第\s*[0-9]+\s*号)?$"#)
        redactionRecord = try p(
            "redactionRecord", #"删减|删除|删去|隐去|遮盖|屏蔽|作了?技术处理|不予公开的(?:内容|部分)|第(?:十四|十五|十六|14|15|16)条"#)

        interpretationUnit = try p(
            "interpretationUnit",
            #"解读(?:单位|机关|机构|部门|处室) ?: ?\S{2,40}|(?:解读|联系|咨询)[^。]{0,30}?[\p{sc:Han}]{2,20}(?:局|委|办|中心|厅|处|科|室|所|院|队|站)[^。]{0,20}?"#
                + Self.phone)
        interpretationPerson = try p(
            "interpretationPerson",
            #"(?:解读人|解读联系人|联系人) ?(?:及(?:联系)?电话)? ?: ?[\p{sc:Han}·]{2,10}|(?:解读|联系|咨询)[^。]{0,30}?[\p{sc:Han}]{2,4} ?[:,] ?"#
                + Self.phone)
        interpretationPhone = try p("interpretationPhone", #"(?:解读|咨询|联系)[^。]{0,30}?"# + Self.phone)
        interviewTitle = try p("interviewTitle", #"答记者问|记者问|新闻发布会|访谈"#)
        othersInterpretation = try p("othersInterpretation", #"(?:媒体|专家|记者|学者|评论员|律师)解读"#)
        interviewOffice = try p("interviewOffice", #"[\p{sc:Han}]{1,12}(?:局|委|厅|办|政府|中心|院|部)"#)
        proposalTopic = try p("proposalTopic", #"关于([^,。()]{4,40}?)的(?:代表)?(?:建议|提案|议案)"#)
        proposalBracketedTopic = try p("proposalBracketedTopic", #"\(([^)]{4,40})\)"#)
        proposalSessionOnly = try p("proposalSessionOnly", #"届|会议|第 ?[0-9]+ ?号|[0-9]{4}年"#)
        consultationRange = try p(
            "consultationRange",
            #"([0-9]{4})(?:年|[-./])([0-9]{1,2})(?:月|[-./])([0-9]{1,2})日?[^\n。,]{0,3}?(?:至|到|—|-|~)[ ]?(?:([0-9]{4})(?:年|[-./]))?([0-9]{1,2})(?:月|[-./])([0-9]{1,2})(?![0-9])"#
        )
        consultationDue = try p(
            "consultationDue",
            #"(?:截止|截至)[^\n。0-9]{0,6}([0-9]{4})(?:年|[-./])([0-9]{1,2})(?:月|[-./])([0-9]{1,2})(?![0-9])|([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日[^\n。]{0,12}?(?:前|以前|之前|止)"#
        )
        consultationDueNoYear = try p(
            "consultationDueNoYear",
            #"(?<![0-9年])([0-9]{1,2})月([0-9]{1,2})日[^\n。]{0,12}?(?:前|以前|之前|止)|(?:截止|截至)[^\n。0-9]{0,6}(?<![0-9年])([0-9]{1,2})月([0-9]{1,2})日"#)
        consultationPeriod = try p(
            "consultationPeriod",
            #"(?:自|从)[^\n。]{0,12}(?:之日|即日|发布日|公布日)起[^\n。0-9一二三四五六七八九十]{0,4}([0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:个)?(工作日|日|天|月)"#)
        consultationLength = try p(
            "consultationLength",
            #"(?:征求意见|意见征集|征集意见|意见反馈|反馈意见|公示)(?:的)?(?:期限|期|时间|时限|周期)[^\n。0-9一二三四五六七八九十]{0,4}?(?:为期)?([0-9]{1,3}|[一二三四五六七八九十]{1,3})个?(工作日|日|天|月)|为期([0-9]{1,3}|[一二三四五六七八九十]{1,3})个?(工作日|日|天|月)"#
        )
        consultationDraft = try p(
            "consultationDraft",
            #"草案|征求意见稿|送审稿|修订稿|讨论稿|《[^》\n]{2,80}(?:办法|规定|条例|细则|规则|规划|方案|标准|措施|决定|意见|政策|制度)(?:\([^)]{1,12}\))?》"#)
        consultationPlanDraft = try p(
            "consultationPlanDraft",
            #"《[^》\n]{2,80}(?:方案|计划)[(（](?:[^)）\n]{0,8})?(?:征求意见稿|草案|讨论稿)[)）]》"#)
        consultationMajorDecision = try p("consultationMajorDecision", #"重大行政决策"#)
        recruitmentTitle = try p("recruitmentTitle", #"招聘|招录|招考|招募|公开选调"#)
        afterEventTitle = try p(
            "afterEventTitle", #"(?:圆满|顺利|胜利)(?:完成|结束|闭幕|落幕)|落下帷幕|(?:安保|保卫|警卫)[^\n]{0,20}(?:纪实|综述|回眸)"#)
        consultationOutcome = try p(
            "consultationOutcome",
            #"(?:征求意见|意见征集|征集意见|征求[^\n]{0,40}意见)[^\n]{0,12}(?:采纳|结果|(?:情况|意见)(?:的)?(?:说明|报告|反馈|公示|通报|汇总)|反馈情况|办理情况)"#)
        consultationShortened = try p(
            "consultationShortened",
            #"(?:征求意见|意见征集|征集意见)的?(?:期限|时间|期)?[^。\n]{0,6}(?:缩短|压缩)|(?:缩短|压缩)了?(?:本次)?(?:征求意见|意见征集|征集意见)的?(?:期限|时间|期)"#)
        consultationChannel = try p(
            "consultationChannel",
            #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.|(?:电话|传真|热线)[^\n。]{0,6}[0-9]{3,}|(?:邮寄|通信|通讯|联系)?地址 ?:|(?:邮寄|通信|通讯|联系)地址|邮政编码|邮编|信箱|电子邮件|电子邮箱|书面(?:意见|形式|材料)|信函|来信|来函|意见征集|留言|在线提交|网上提交|登录[^\n。]{0,20}(?:网站|平台|系统)"#
        )
        writtenDateChinese = try p("writtenDateChinese", #"^[〇○零一二三四五六七八九]{4}年"#)
        writtenDatePadded = try p("writtenDatePadded", #"年0[0-9]月|月0[0-9]日"#)
        penaltyMinor = try p(
            "penaltyMinor",
            #"(?:违法行为人|当事人|被处罚人|违法嫌疑人)[^。]{0,60}?(?:([0-9]{4})年(?:([0-9]{1,2})月)?(?:[0-9]{1,2}日)?(?:出生|生)|(?<=[系是为属，,(（、:：])[ \t]*(未成年|未满(?:十八|18)周岁|不满(?:十八|18)周岁))"#
        )
        maskedResidentID = try p("maskedResidentID", #"(?<![0-9])([0-9]{0,17})[*＊]{2,17}([0-9]{0,17}[0-9Xx]?)(?![0-9*])"#)
        maskedMobile = try p("maskedMobile", #"(?<![0-9])(1[0-9]{0,9})[*＊]{2,10}([0-9]{0,9})(?![0-9*])"#)

        basisReliance = try p("basisReliance", #"(?:依照|依据|根据|按照|违反|适用|参照|遵照|依|据|按)[^。;\n《]{0,6}$"#)
        basisArticle = try p("basisArticle", #"^(?:第[一二三四五六七八九十百零〇0-9]+条|规定|的规定|有关规定|相关规定)"#)
        basisRepealing = try p("basisRepealing", #"废止|失效|废除|取代|代替|替代|不再执行|停止执行|取消|删除"#)

        guideAgency = try p("guideAgency", "(" + Self.agency + ")")
        guideTitleAgency = try p("guideTitleAgency", "^(" + Self.agency + ")")
        guideDirected = try p(
            "guideDirected",
            #"(?<=向)("# + Self.agency + #")(?=申请|提出[^。,]{0,6}申请)|(?<=反映)("# + Self.agency
                + #")(?=的?机构设置|的?职能)|(?:受理|办理)(?:地点|机关|单位|部门|窗口) ?: ?[^。;]{0,30}?("# + Self.agency + #")"#)

        thingHeader = try p(
            "thingHeader",
            #"编号|文书号|决定书号|案号|单号|流水号|序号|准考证|考号|考试号|证书号|登记号|许可证号|代码|批次|受理号|发票号|凭证号|档案号|车架号|发动机号|条码"#)
        personHeader = try p("personHeader", #"身份证|手机|电话|联系|卡号|账号|银行"#)
        maskedParty = try p("maskedParty", "(?:" + Self.partyFields + #")[ \t]*[:：]?[ \t]*(\p{sc:Han})(\*{1,3}|某{1,2}|×{1,3}|＊{1,3})"#, [.ucp])
        namedParty = try p(
            "namedParty",
            "(?:" + Self.partyFields
                + #")[ \t]*[:：]?[ \t]*(\p{sc:Han}{2,3}?)(?=[,，。;；、(（ \t\n]|$|驾驶|于[0-9〇一二三四五六七八九十]|因|在|未|无证|擅自|违反|伙同|使用|销售|经营|从事)"#,
            [.ucp, .multiline])
        staffLine = try p("staffLine", #"执法人员|执法证|承办人|审核人|审批人|经办人|联系人|联系电话|负责人|法定代表人|委托代理人|代理人|律师|记录人"#)
        identifiedName = try p(
            "identifiedName",
            #"(?:^|[(（,，、:： \t])(\p{sc:Han}{2,3})(?=[ \t]*[,，、]?[ \t]*(?:公民)?身份(?:证|号码)|[ \t]*[,，、(（][ \t]*(?:性别[:：]?[ \t]*)?[男女][ \t]*[,，、)）])"#,
            [.ucp, .multiline])

        partyColumn = try p(
            "partyColumn",
            #"^(?:(?:行政)?相对人|当事人|被处罚人|违法行为人|被许可人|处罚对象|被处罚(?:单位|对象))(?:姓名|名称)?(?:[(（][^)）]*[)）])?$|^姓名$"#, [])
        businessRegistration = try p(
            "businessRegistration",
            #"(?:统一社会信用代码|信用代码|注册号|组织机构代码|营业执照号码?)[ \t]*[:：]?[ \t]*\n?[ \t]*[0-9A-Za-z]{8,}|主体资格证照名称[ \t]*[:：][ \t]*营业执照|有限(?:责任)?公司"#)
        businessCell = try p("businessCell", #"^[0-9A-HJ-NPQRTUWXY]{18}$|^[0-9]{13,15}$|法人|组织|个体工商户|个体户|企业|公司"#, [])

        identity = try p("identity", #"(?<![0-9A-Za-z*])([0-9*]{14}[0-9*Xx]|[0-9*]{17}[0-9*Xx])(?![0-9A-Za-z*])"#, .offsetLimit)
        nameRun = try p("nameRun", #"\p{sc:Han}{2,4}"#, [])
        attributePhone = try p("attributePhone", #"1[3-9][0-9][0-9*]{4}[0-9]{4}"#, [])
        attributeBirth = try p("attributeBirth", #"[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:出生|生)|[0-9]{1,3}岁"#, [])
        attributeAddress = try p("attributeAddress", #"住址|家住|户籍地|现住|[路街巷][0-9]+号"#, [])
        attributeCaseRole = try p("attributeCaseRole", #"违法行为人|当事人|被处罚人|受害人|被害人|犯罪嫌疑人|嫌疑人|证人|报案人"#, [])
        attributeHealth = try p("attributeHealth", #"病|残疾|诊断|体检结论|精神"#, [])
        operationTimeWindow = try p(
            "operationTimeWindow", #"[0-9]{1,2}时(?:[0-9]{1,2}分)?[ ]?(?:至|到|—|-)[ ]?[0-9]{1,2}时|月[0-9]{1,2}日[^\n。]{0,6}[0-9]{1,2}时(?:[0-9]{1,2}分)?起"#,
            [])
        operationRoute = try p(
            "operationRoute",
            #"(?:管制路段|途经|行进路线|巡逻路线|路线)[^\n]{0,80}?\p{sc:Han}{1,6}(?:路|街|大道|大桥|桥)[^\n]{0,80}?\p{sc:Han}{1,6}(?:路|街|大道|大桥|桥)"#, [])
        operationFacilitySites = try p(
            "operationFacilitySites",
            #"(?:[0-9一二三四五六七八九十]+[ ]?(?:处|个|条)[^\n。]{0,12}(?:服务站|警务站|执勤点|卡点|检查站|岗亭|勤务点|集结点|安检通道|备勤点))|(?:安检通道|服务站|警务站|执勤点|卡点|检查站)[^\n。]{0,4}[0-9]+[ ]?(?:条|处|个)"#,
            [])
        operationEquipment = try p(
            "operationEquipment",
            #"(?:探测门|探测器|安检机|检测仪|对讲机|无人机|警车|防暴|警犬)[^\n。]{0,8}?[0-9]+[ ]?(?:台|部|架|辆|套|只)|[0-9]+[ ]?(?:台|部|架|辆|套)[^\n。]{0,6}?(?:探测门|探测器|安检机|检测仪|对讲机|无人机|警车|防暴)"#,
            [])
        operationDeployment = try p("operationDeployment", #"(?:警力|民警|辅警|特警)[^\n。]{0,6}?[0-9]+[ ]?(?:名|人)|[0-9]+[ ]?名(?:民警|警力|特警)"#, [])
        operationCommunications = try p("operationCommunications", #"频道|对讲机频率|通信保障|电台呼号"#, [])
        operationPersonnel = try p("operationPersonnel", #"带班领导|现场指挥|指挥长"#, [])
        operationDay = try p("operationDay", #"([0-9]{1,2})月([0-9]{1,2})日[^\n。;]{0,12}?[0-9]{1,2}时"#, .offsetLimit)
        operationPlace = try p("operationPlace", #"\p{sc:Han}{2,8}(?:路|大街|大桥|广场|体育中心|公园|体育场|马拉松赛|运动会|演唱会)"#, [])
        interpretationLink = try p("interpretationLink", #"^(?:相关解读|政策解读|解读材料|解读链接|图文解读)\s?:\s?\S"#)
        tableDataRow = try p("tableDataRow", #"[0-9]{6,}"#)

        inlineAllow = try p("inlineAllow", #"pubgate:allow\s+([A-Za-z0-9_.\-]+)(?:\s+((?:(?!-->)[^\n])*))?"#)

        repealHeading = try p("repealHeading", #"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+(?:章|部分))"#)
        repealListLead = try p("repealListLead", #"(?:目录|清单|名录|如下)(?:\([^)]*\))?$"#)
        repealAboutDocuments = try p("repealAboutDocuments", #"文件|目录|清单|规定|办法|通知|决定|意见|政策"#)
        repealListItem = try p("repealListItem", #"^(?:[0-9]+[.、)]|\([0-9]+\)|《|\|)"#)
        repealItemNumber = try p("repealItemNumber", #"^[0-9]{1,4}$"#)
        repealTableHeading = try p(
            "repealTableHeading",
            #"^(?:序号|文件名称|文件标题|名称|标题|文号|发文字号|发布机关|制定机关|发布机关及文号|成文日期|发布日期|施行日期|说明|备注|理由|处理意见|清理意见|清理结果)$"#)
        repealItemMarker = try p("repealItemMarker", #"^((?:[0-9]+[.、)]|\([0-9]+\))\s*)"#)
        repealGenreEnding = try p("repealGenreEnding", #"(?:通知|规定|办法|意见|决定|细则|规则|方案|通告|公告|批复|规划|措施|制度|标准)$"#)
        repealBasisClause = try p("repealBasisClause", #"^(?:根据|依据|按照|依照|遵照|参照|为贯彻|为落实)"#)
        interpretedDocumentLine = try p(
            "interpretedDocumentLine", #"^(?:所解读(?:的)?(?:文件|政策)|被?解读(?:文件|对象)|政策(?:文件|原文)|原文件|文件名称|相关文件)\s?:\s?(.+)$"#)
        frontMatterValidity = try p("frontMatterValidity", #"^(\s*)(validity|有效性)(\s*[:=]\s*)(.*?)(\r?)$"#)
        renderedLinkAttribute = try p(
            "renderedLinkAttribute", #"(?:href|src|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#, [.caseless])
        renderedLinkElement = try p("renderedLinkElement", #"<(?:loc|link|guid|id|url|comments)>\s*(?:<!\[CDATA\[)?\s*([^<\s\]]+)"#, [])
        renderedLinkField = try p("renderedLinkField", #""(?:url|permalink|relpermalink|uri|href|link)"\s*:\s*"([^"]+)""#, [.caseless])
    }

    /// The registry compiled once (at the first ``load()``), or the first pattern that did not.
    private static let compiled: Result<LinePatterns, ConfigurationError> = Result { () throws(ConfigurationError) in
        try LinePatterns(breaking: ProcessInfo.processInfo.environment["PUBGATE_BREAK_PATTERN"])
    }

    /// Compiles the registry; called when the configuration loads, so a pattern that does not
    /// compile stops the run there (exit 78) with its name.
    static func load() throws(ConfigurationError) {
        _ = try compiled.get()
    }

    /// The compiled registry. A run loads its configuration (``load()``) before it reads a
    /// document, so a broken pattern has stopped it already; code that skips loading stops here,
    /// loudly, rather than run a check without its pattern.
    static var shared: LinePatterns {
        switch compiled {
        case .success(let patterns): patterns
        case .failure(let error): fatalError("\(error)")
        }
    }
}
