import Foundation
import PCRE2Kit

/// Stage 2: what is this document, and what does it declare about its own publication?
///
/// This first version finds the title, a document type from title and body cues, and every
/// 公开属性 declaration (附注, 版记 公开方式, metadata table, front matter, XML field). The checks
/// that compare declarations with content belong here as they grow (issue: classify stage).
public struct Classifier: Sendable {
    private let annotation: Regex
    private let keyValue: Regex

    public init() {
        // RX-ATTR-ANNOT and RX-ATTR-KV of domain-spec §2.3, on normalized text (full-width brackets are ASCII).
        annotation = try! Regex(
            #"^[ \t]*\([ \t]*此件[ \t]*(公开发布|主动公开|依申请公开|不予公开|不公开|免予公开|删减后(?:主动)?公开(?:发布)?|部分公开)[ \t]*(?:[,;][^)]{0,40})?\)[ \t]*$"#,
            options: [.multiline])
        keyValue = try! Regex(
            #"(?:公开方式|公开属性|公开类型|公开选项|信息公开选项)[ \t]*:[ \t]*\n?[ \t]*(主动公开|依申请公开|不予公开|不公开|免予公开|部分公开|删减后公开)"#,
            options: [.multiline])
    }

    public func classify(_ document: IngestedDocument) -> ClassifiedDocument {
        let normalized = Normalizer().normalize(document.segments)
        let title = Self.title(of: document)
        return ClassifiedDocument(
            ingested: document, normalized: normalized, docType: Self.type(title: title, text: normalized),
            title: title, declarations: declarations(document, normalized))
    }

    private func declarations(_ document: IngestedDocument, _ text: NormalizedText) -> [AttributeDeclaration] {
        var found: [AttributeDeclaration] = []
        for range in (try? annotation.matches(in: text.utf8, group: 1)) ?? [] {
            if let v = DisclosureAttribute(wording: text.string(range)) { found.append(.init(source: "annotation", value: v)) }
        }
        for range in (try? keyValue.matches(in: text.utf8, group: 1)) ?? [] {
            let source = text.part(at: range.lowerBound) == .frontMatter ? "front-matter" : "metadata"
            if let v = DisclosureAttribute(wording: text.string(range)) { found.append(.init(source: source, value: v)) }
        }
        let declaringKeys: Set<String> = ["disclosure", "attribute", "公开属性", "公开方式"]
        for (key, value) in document.metadata.sorted(by: { $0.key < $1.key }) {
            let leaf = key.split(separator: ".").last.map(String.init) ?? key
            if declaringKeys.contains(leaf), let v = DisclosureAttribute(wording: value) {
                let source = document.format == .xml ? "xml-field" : document.format == .markdown ? "front-matter" : "metadata"
                found.append(.init(source: source, value: v))
            }
        }
        var unique: [AttributeDeclaration] = []
        for d in found where !unique.contains(d) { unique.append(d) }
        return unique
    }

    static func title(of document: IngestedDocument) -> String? {
        for key in ["title", "标题", "名称", "meta:ArticleTitle", "DOCTITLE"] {
            if let t = document.metadata[key], !t.isEmpty { return t }
        }
        if let t = document.segments.first(where: { $0.part == .title })?.text.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty { return t }
        return nil
    }

    static func type(title: String?, text: NormalizedText) -> DocumentType {
        let t = title ?? ""
        if t.contains("通缉令") || t.contains("悬赏通告") || t.contains("协查通报") { return .wanted }
        if t.contains("解读") || t.contains("一图读懂") || t.contains("答记者问") { return .interpretation }
        if t.range(of: "(建议|提案|议案).*(答复|复函)", options: .regularExpression) != nil
            || t.range(of: "第[ \t]*[0-9]+[ \t]*号(建议|提案)", options: .regularExpression) != nil
        {
            return .proposalReply
        }
        if t.contains("征求意见") { return .consultation }
        if t.contains("处罚决定") || t.contains("行政处罚") { return .penalty }
        if t.contains("许可决定") { return .licence }
        if t.contains("公示") { return .publicity }
        if t.range(of: "(规定|办法|细则|规则)$", options: .regularExpression) != nil { return .normative }
        if t.range(of: "(通知|通告|公告)$", options: .regularExpression) != nil { return .notice }
        return title == nil ? .other : .news
    }
}
