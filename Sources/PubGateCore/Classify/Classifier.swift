import BytesKit
import Foundation
import PCRE2Kit

/// Stage 2: what is this document, and what does it declare about its own publication?
///
/// Builds the matching copy, segments the GB/T 9704 elements, reads the page metadata under
/// canonical names, finds the title, the document type (``DocumentTypeRules``), the validity
/// statement and every 公开属性 declaration (附注, 版记 公开方式, metadata table, front matter,
/// XML field). Checks that judge these facts live beside it (``AttributeCheck``, ``PublicationCheck``).
public struct Classifier: Sendable {
    private let types: DocumentTypeRules
    private let sections: [SiteSection.Matcher]
    private let phrasebook: ValidityPhrasebook

    /// `sections` are the site's columns with their default 公开属性 and type; `phrasebook` the
    /// validity phrasings of `Rules/expiry.yaml`.
    init(types: DocumentTypeRules, phrasebook: ValidityPhrasebook, sections: [SiteSection] = []) {
        self.types = types
        self.phrasebook = phrasebook
        self.sections = sections.map(SiteSection.Matcher.init)
    }

    func classify(_ document: IngestedDocument) -> ClassifiedDocument {
        let normalized = Normalizer().normalize(document.segments)
        let lineIndex = document.decoded.map(LineIndex.init)
        let lines = DocumentLine.lines(of: normalized, index: lineIndex)
        let declaredTitle = Self.title(of: document)
        let normalizedDeclared = declaredTitle.map(Normalizer.normalized)
        var chrome = ChromeJudgments()
        let content = ElementExtractor.content(lines, chrome: &chrome)
        let elements = ElementExtractor().extract(content: content, declaredTitle: normalizedDeclared)
        var metadata = PageMetadata(document.metadata)
        for column in Self.breadcrumbColumns(lines, chrome: &chrome) { metadata.addCategory(column) }
        let title = declaredTitle ?? elements.title?.text
        // Element texts come from the matching copy: already normalized.
        let normalizedTitle = normalizedDeclared ?? elements.title?.text
        let numberText = metadata.documentNumber.map(Normalizer.normalized) ?? elements.documentNumber?.text
        let number = numberText.flatMap { DocumentNumber.first(in: $0) }
        let opening = Self.joinedUTF8(content.prefix(Self.openingLines))
        var present: Set<String> = []
        if numberText != nil { present.insert("document_number") }
        if metadata.registrationNumber != nil { present.insert("registration_number") }
        if metadata.interprets != nil { present.insert("interprets") }
        if metadata.writtenDate != nil || elements.writtenDate != nil { present.insert("written_date") }
        let columns = ([metadata.column].compactMap { $0 } + (metadata.categories ?? [])).map(Normalizer.normalized)
        let columnText = columns.isEmpty ? nil : columns.joined(separator: "\n")
        let facts = DocumentFacts(
            title: normalizedTitle, column: columnText, bodyUTF8: opening, documentNumber: numberText, present: present)
        let section = sections.first { $0.matches(path: document.path, columns: columnText) }?.section
        let (docType, typeReason) = types.decide(facts, sectionType: section?.type)
        let declarations = declarations(document, normalized)
        return ClassifiedDocument(
            ingested: document, normalized: normalized, lineIndex: lineIndex, lines: lines, contentLines: content, docType: docType,
            typeReason: typeReason, title: title,
            normalizedTitle: normalizedTitle, elements: elements, metadata: metadata, documentNumber: number,
            validity: ValidityStatement(normalized: normalized.utf8, title: title, phrasebook: phrasebook), declarations: declarations,
            inherited: declarations.isEmpty ? Self.inherited(docType, title: normalizedTitle, section: section) : nil)
    }

    /// The attribute a page that declares none still has: its section's, else 主动公开 when its type
    /// is addressed to the public by law or by nature (a 公告 or 通告 among notices).
    static func inherited(_ type: DocumentType, title: String?, section: SiteSection?) -> AttributeDeclaration? {
        if let value = section?.attribute { return AttributeDeclaration(source: "section", value: value) }
        let proclamation = type == .notice && (title?.firstMatch(\.proclamationTitle) != nil)
        if type.isPublicByNature || proclamation { return AttributeDeclaration(source: "by-nature", value: .active) }
        return nil
    }

    /// How many content lines the body cues of the type rules read.
    static let openingLines = 60

    /// The lines' text joined with line breaks: one `String`, not one per line.
    static func joined(_ lines: some Sequence<DocumentLine>) -> String {
        String(decoding: joinedUTF8(lines), as: UTF8.self)
    }

    /// The lines' bytes joined with line breaks.
    static func joinedUTF8(_ lines: some Sequence<DocumentLine>) -> [UInt8] {
        var bytes: [UInt8] = []
        for line in lines {
            if !bytes.isEmpty { bytes.append(0x0A) }
            bytes.append(contentsOf: line.utf8)
        }
        return bytes
    }

    /// The columns a breadcrumb at the top of the page names (`首页 > 政务公开 > 政策解读`).
    static func breadcrumbColumns(_ lines: [DocumentLine], chrome: inout ChromeJudgments) -> [String] {
        for line in lines.prefix(ElementExtractor.chromeLines) where line.part == .body {
            if case .breadcrumb(let columns)? = chrome.kind(of: line) { return columns }
        }
        return []
    }

    private func declarations(_ document: IngestedDocument, _ text: NormalizedText) -> [AttributeDeclaration] {
        var found: [AttributeDeclaration] = []
        // Each pattern needs a word (此件, 公开, 是否) that most documents lack: a byte search first.
        func matches(_ pattern: LinePattern, needing word: [UInt8]) -> [Range<Int>] {
            guard LiteralSearch.contains(word, in: text.utf8) else { return [] }
            return (try? pattern.regex.matches(in: text.utf8, group: 1, validUTF8: true)) ?? []
        }
        for range in matches(LinePatterns.shared.attributeAnnotation, needing: Self.thisDocument) {
            if let v = DisclosureAttribute(wording: text.string(range)) { found.append(.init(source: "annotation", value: v)) }
        }
        for range in matches(LinePatterns.shared.attributeKeyValue, needing: Self.publication) {
            let source = text.part(at: range.lowerBound) == .frontMatter ? "front-matter" : "metadata"
            if let v = DisclosureAttribute(wording: text.string(range)) { found.append(.init(source: source, value: v)) }
        }
        for range in matches(LinePatterns.shared.consentField, needing: Self.whether) {
            let yes = ["是", "同意"].contains(text.string(range))
            found.append(.init(source: "metadata", value: yes ? .active : .notPublic))
        }
        // A key whose last part is one of these words holds the word's bytes: no other character or
        // sequence is canonically equivalent to any of them. Keys without one are not split.
        let candidates = document.metadata.filter { key, _ in Self.declaringKeyList.contains { LiteralSearch.contains($0, in: key) } }
        for (key, value) in candidates.sorted(by: { $0.key < $1.key }) {
            let leaf = key.split(separator: ".").last.map(String.init) ?? key
            if Self.declaringKeys.contains(leaf), let v = DisclosureAttribute(wording: value) {
                let source = document.format == .xml ? "xml-field" : document.format == .markdown ? "front-matter" : "metadata"
                found.append(.init(source: source, value: v))
            }
        }
        var unique: [AttributeDeclaration] = []
        for d in found where !unique.contains(d) { unique.append(d) }
        return unique
    }

    /// The metadata keys (last dotted part) that declare the 公开属性.
    private static let declaringKeyList = ["disclosure", "attribute", "公开属性", "公开方式"]
    private static let declaringKeys = Set(declaringKeyList)
    private static let thisDocument = Array("此件".utf8)
    private static let publication = Array("公开".utf8)
    private static let whether = Array("是否".utf8)

    /// The title a page declares: its front matter or XML field, the `ArticleTitle` meta tag, the
    /// HTML `<title>`; a 标题/名称 line only inside a 政府信息公开 block (with an 索引号, 文号 …),
    /// since on its own `名称：…` names a party or an office, not the page.
    static func title(of document: IngestedDocument) -> String? {
        for key in ["title", "meta:ArticleTitle", "DOCTITLE"] {
            if let t = document.metadata[key], !t.isEmpty { return t }
        }
        if let t = document.segments.first(where: { $0.part == .title })?.text.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty {
            return t
        }
        let block = ["索引号", "文号", "发文字号", "发布机构", "成文日期", "主题分类"].contains { document.metadata[$0] != nil }
        for key in ["标题", "名称"] where block {
            if let t = document.metadata[key], !t.isEmpty { return t }
        }
        return nil
    }
}
