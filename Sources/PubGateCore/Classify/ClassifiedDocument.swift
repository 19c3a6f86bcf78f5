import EncodingKit

/// The classify stage's output: the document, its matching copy and what it is.
public struct ClassifiedDocument: Sendable {
    let ingested: IngestedDocument
    let normalized: NormalizedText
    /// Line and column lookup in the original file (nil when the file was not decoded).
    let lineIndex: LineIndex?
    /// The matching copy split into trimmed, non-empty lines.
    let lines: [DocumentLine]
    /// The body lines without the page chrome (``ElementExtractor/content(_:chrome:)``), found once here:
    /// the elements, the rules' scopes and the publication checks all read the document's own text.
    let contentLines: [DocumentLine]
    /// Settable inside the module so rule examples can be checked as the type a rule is scoped to.
    var docType: DocumentType
    /// What decided the type, in words (`pubgate explain`).
    let typeReason: Reason
    let title: String?
    /// The title in the matching copy's form (full-width brackets ASCII …), for comparisons.
    let normalizedTitle: String?
    let elements: DocumentElements
    let metadata: PageMetadata
    /// The document's own 文号 (metadata first, else the 版头), parsed.
    let documentNumber: DocumentNumber?
    let validity: ValidityStatement
    /// What the document itself declares; settable inside the module so a large file read in
    /// windows gathers every window's.
    var declarations: [AttributeDeclaration]
    /// Without a declaration: the attribute of the page's site section (source `section`), or 主动公开
    /// when its type is public by law or by nature (source `by-nature`).
    let inherited: AttributeDeclaration?

    /// 成文日期: the metadata's, else the body's.
    var writtenDate: SimpleDate? {
        metadata.writtenDate ?? elements.writtenDate.flatMap { SimpleDate(parsing: $0.text) }
    }

    /// The strictest declared attribute, or nil when the document declares none.
    var declaredAttribute: DisclosureAttribute? {
        declarations.map(\.value).max { $0.strictness < $1.strictness }
    }

    /// The original location of normalized bytes `range`.
    func location(of range: Range<Int>) -> SourceLocation? {
        lineIndex?.location(of: originalRange(of: range)).placed(normalized.place(at: range.lowerBound))
    }

    /// The original text of normalized bytes `range`.
    func originalText(of range: Range<Int>) -> String {
        guard let decoded = ingested.decoded else { return normalized.string(range) }
        return String(decoding: decoded.utf8[originalRange(of: range)], as: UTF8.self)
    }

    /// The decoded bytes of normalized bytes `range`. Each character maps to where it starts, so the
    /// range runs to the end of the last one's origin, and a last character written as a reference
    /// in markup (`&#50;`, `&amp;`) is taken to its `;`.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        let r = normalized.originalRange(of: range)
        guard let utf8 = ingested.decoded?.utf8, r.upperBound > r.lowerBound, r.upperBound <= utf8.count else { return r }
        let last = r.upperBound - 1
        var end = r.upperBound
        while end < utf8.count, utf8[end] & 0xC0 == 0x80 { end += 1 }
        guard ingested.format == .html || ingested.format == .xml, normalized.utf8[range.upperBound - 1] != UInt8(ascii: "&"),
            let reference = SourceAligner.reference(at: last, in: utf8)
        else { return r.lowerBound..<end }
        return r.lowerBound..<(last + reference.length)
    }

    /// What the manifest reports: the single declared (or inherited) value, `conflict` or `missing`.
    var attributeSummary: String {
        let values = Set(declarations.map(\.value))
        if values.isEmpty { return inherited?.value.rawValue ?? "missing" }
        if values.count > 1 { return "conflict" }
        return values.first!.rawValue
    }
}
