import Foundation

/// A page's 政府信息公开 fields under one name each, however the page spelt them (docs/domain.md §5.1).
///
/// The same field arrives as a table cell (`文　　号：`), a `<meta>` tag, a front matter key in
/// Chinese or English (`doc_no`, `params.xxgk.written_date`) or an XML element. Checks, the sweep
/// and the index read the canonical fields only.
struct PageMetadata: Sendable, Codable, Hashable {
    var title: String?
    var indexNumber: String?
    var publisher: String?
    /// 文号 as written.
    var documentNumber: String?
    /// 成文日期.
    var writtenDate: SimpleDate?
    /// 发布日期.
    var publishDate: SimpleDate?
    /// 施行日期 / 生效日期.
    var effectiveDate: SimpleDate?
    /// 有效期至.
    var validUntil: SimpleDate?
    /// 有效性 as written (有效, 失效, 废止, 已修改 …).
    var validity: String?
    /// 统一登记号 of a 规范性文件.
    var registrationNumber: String?
    /// The column (栏目 / 分类 / catalog) the page is filed under.
    var column: String?
    /// What a 解读 interprets: a 文号 or a title.
    var interprets: String?
    /// Hugo `expiryDate` / `unpublishdate`.
    var expiryDate: SimpleDate?
    /// Every category the page is filed under: 主题分类, 组配分类, 体裁分类, 信息分类, 文种, 类别,
    /// the column and the breadcrumb's steps. A portal decides a page's type by them as much as by
    /// its title (a 文种 of 规范性文件, a breadcrumb ending in 政策解读).
    /// Nil when the page names none (so the manifest leaves the key out).
    var categories: [String]?

    init() {}

    /// Leaf key (lower-cased, spaces removed) → canonical field.
    static let aliases: [String: WritableKeyPath<PageMetadata, String?> & Sendable] = [
        "title": \.title, "标题": \.title, "名称": \.title, "meta:articletitle": \.title, "doctitle": \.title,
        "索引号": \.indexNumber, "index_no": \.indexNumber, "indexno": \.indexNumber,
        "发布机构": \.publisher, "发文机关": \.publisher, "发文单位": \.publisher, "publisher": \.publisher,
        "meta:contentsource": \.publisher,
        "文号": \.documentNumber, "发文字号": \.documentNumber, "文件编号": \.documentNumber, "doc_no": \.documentNumber,
        "docno": \.documentNumber, "document_number": \.documentNumber,
        // 发文文号, 公文时效: the disclosure table of a municipal policy page
        // (www.tongchuan.gov.cn/resources/site/1/html/zcwj/tcszfwj/tzf/202009/302934.html).
        "发文文号": \.documentNumber,
        "有效性": \.validity, "时效性": \.validity, "是否有效": \.validity, "validity": \.validity, "公文时效": \.validity,
        "统一登记号": \.registrationNumber, "登记号": \.registrationNumber, "reg_no": \.registrationNumber,
        "registration_number": \.registrationNumber,
        "栏目": \.column, "分类": \.column, "catalog": \.column, "column": \.column, "meta:columnname": \.column,
        "解读对象": \.interprets, "interprets": \.interprets,
    ]

    /// Leaf keys whose values are categories (see ``categories``).
    static let categoryKeys: Set<String> = [
        "主题分类", "组配分类", "体裁分类", "信息分类", "文种", "类别", "信息类别", "公文种类", "所属栏目", "栏目", "分类",
        "catalog", "column", "meta:columnname", "categories", "category", "section",
    ]

    static let dateAliases: [String: WritableKeyPath<PageMetadata, SimpleDate?> & Sendable] = [
        "成文日期": \.writtenDate, "发文日期": \.writtenDate, "written_date": \.writtenDate, "writtendate": \.writtenDate,
        "发布日期": \.publishDate, "发布时间": \.publishDate, "publishdate": \.publishDate, "date": \.publishDate, "meta:pubdate": \.publishDate,
        "pubdate": \.publishDate, "published": \.publishDate,
        "施行日期": \.effectiveDate, "生效日期": \.effectiveDate, "effective_date": \.effectiveDate,
        // 签发日期 / 实施日期: the Shenzhen normative-document database (sf.sz.gov.cn/gfxwjcx/…/post_7822541.html).
        "实施日期": \.effectiveDate, "签发日期": \.writtenDate,
        "有效期至": \.validUntil, "valid_until": \.validUntil,
        "expirydate": \.expiryDate, "unpublishdate": \.expiryDate,
    ]

    /// Hugo's own order for the keys of a page date (gohugo.io/configuration/front-matter): a
    /// `publishDate` wins over a `date`, as it does in what Hugo renders.
    static let hugoDateOrder = ["publishdate", "pubdate", "published", "expirydate", "unpublishdate"]

    /// Reads the canonical fields out of the ingest stage's metadata; the first value per field wins,
    /// Hugo's date keys in Hugo's order, the rest in key order (so a page's table and its front
    /// matter give the same result every run).
    init(_ metadata: [String: String]) {
        let entries = metadata.map { key, value in
            let leaf = Self.leaf(of: key)
            return (rank: Self.hugoDateOrder.firstIndex(of: leaf) ?? Self.hugoDateOrder.count, key: key, leaf: leaf, value: value)
        }
        for (_, _, leaf, value) in entries.sorted(by: { ($0.rank, $0.key) < ($1.rank, $1.key) }) {
            // Only the values of known keys are trimmed: most keys a document's `key：value` lines
            // give are none of these, and trimming each was most of this initializer.
            if let path = Self.aliases[leaf], self[keyPath: path] == nil {
                let v = value.trimmingWhiteSpace
                if !v.isEmpty { self[keyPath: path] = v }
            } else if let path = Self.dateAliases[leaf], self[keyPath: path] == nil {
                let v = value.trimmingWhiteSpace
                if !v.isEmpty { self[keyPath: path] = SimpleDate(parsing: v) }
            }
            if Self.categoryKeys.contains(leaf) {
                let v = value.trimmingWhiteSpace
                if !v.isEmpty { addCategory(v) }
            }
        }
    }

    /// The key's last dotted part (all of a `meta:` key), lower-cased, without white space. A key
    /// of plain characters only (ASCII but capitals, controls and spaces; U+4000–U+9FFF, which have no
    /// case and are no white space) is its own lower-cased, unspaced form, and each of its bytes a
    /// character of its own: such keys, most of a page's, are split as bytes, without the
    /// character-by-character passes.
    static func leaf(of key: String) -> String {
        if key.utf8.allPlain {
            if key.hasPrefix("meta:") { return key }
            return key.utf8.split(separator: UInt8(ascii: ".")).last.flatMap { String($0) } ?? key
        }
        return (key.hasPrefix("meta:") ? key : String(key.split(separator: ".").last ?? Substring(key)))
            .lowercased().filter { !$0.isWhitespace }
    }

    /// Files the page under `category` too (once).
    mutating func addCategory(_ category: String) {
        if categories?.contains(category) == true { return }
        categories = (categories ?? []) + [category]
    }

    enum CodingKeys: String, CodingKey {
        case title
        case indexNumber = "index_number"
        case publisher
        case documentNumber = "document_number"
        case writtenDate = "written_date"
        case publishDate = "publish_date"
        case effectiveDate = "effective_date"
        case validUntil = "valid_until"
        case validity
        case registrationNumber = "registration_number"
        case column, interprets, categories
        case expiryDate = "expiry_date"
    }
}

extension String.UTF8View {
    /// True when every character is plain for ``PageMetadata/leaf(of:)``: an ASCII byte that is
    /// neither a capital, a control nor a space, or a three-byte character led by E4–E9 (U+4000–U+9FFF).
    fileprivate var allPlain: Bool {
        var continuation = 0
        for b in self {
            if continuation > 0 {
                continuation -= 1
            } else if b < 0x80 {
                if (0x41...0x5A).contains(b) || b <= 0x20 || b == 0x7F { return false }
            } else if (0xE4...0xE9).contains(b) {
                continuation = 2
            } else {
                return false
            }
        }
        return true
    }
}
