import PCRE2Kit

/// One way to recognise a document type: every condition given must hold (docs/domain.md §1.1).
///
/// Patterns are PCRE2 and run on normalized text (full-width brackets and digits are ASCII). What a
/// cue looks at sets how much it decides (``DocumentTypeRules/type(of:)``): the title names the
/// genre, the column or category the portal files the page under comes next, then the 文号; the body
/// is read last, and there many cues add up (a page without a title is still a 处罚决定书 when it
/// names 当事人, 违法事实 and 罚款).
///
/// A class: every document reads the cues of every type, and copying a reference to one is one
/// retain where a struct of four patterns and a list was five.
final class DocumentTypeCue: Sendable {
    /// On the title.
    let title: PCRE2Regex?
    /// On the column the page is filed under (栏目 / catalog).
    let column: PCRE2Regex?
    /// On the body text.
    let body: PCRE2Regex?
    /// On the 文号.
    let documentNumber: PCRE2Regex?
    /// Fields that must be present: `document_number`, `registration_number`, `interprets`, `written_date`.
    let has: [String]
    /// What a body cue adds to its type's score (1 unless the file says otherwise).
    let weight: Int

    static let knownFields = ["document_number", "registration_number", "interprets", "written_date"]

    init(title: PCRE2Regex?, column: PCRE2Regex?, body: PCRE2Regex?, documentNumber: PCRE2Regex?, has: [String], weight: Int = 1) {
        self.title = title
        self.column = column
        self.body = body
        self.documentNumber = documentNumber
        self.has = has
        self.weight = weight
    }

    /// Which part of the page the cue reads first: title, then column (and declared fields such as
    /// `interprets`), then 文号, then body.
    var tier: Tier {
        if title != nil { return .title }
        if column != nil || (body == nil && documentNumber == nil) { return .column }
        if documentNumber != nil { return .documentNumber }
        return .body
    }

    enum Tier: Int, Sendable, CaseIterable, Comparable {
        case title, column, documentNumber, body
        static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    /// True when every condition holds for `facts`.
    func matches(_ facts: DocumentFacts) -> Bool {
        func test(_ regex: PCRE2Regex?, _ value: [UInt8]?) -> Bool {
            guard let regex else { return true }
            guard let value, !value.isEmpty else { return false }
            return ((try? regex.firstMatch(in: value, validUTF8: true)) ?? nil) != nil
        }
        return test(title, facts.titleBytes) && test(column, facts.columnBytes) && test(body, facts.bodyBytes)
            && test(documentNumber, facts.numberBytes) && has.allSatisfy { facts.present.contains($0) }
    }
}

/// What a document type is recognised from, gathered once per document.
struct DocumentFacts: Sendable {
    let title: String?
    let column: String?
    /// The first part of the body (cues look at the opening, not the whole text).
    var body: String { String(decoding: bodyBytes, as: UTF8.self) }
    let documentNumber: String?
    /// Names of the fields present (see ``DocumentTypeCue/knownFields``).
    let present: Set<String>
    /// The texts as UTF-8, made once: every cue of every type reads them.
    let titleBytes: [UInt8]?
    let columnBytes: [UInt8]?
    let bodyBytes: [UInt8]
    let numberBytes: [UInt8]?

    init(title: String?, column: String?, body: String, documentNumber: String?, present: Set<String>) {
        self.init(title: title, column: column, bodyUTF8: Array(body.utf8), documentNumber: documentNumber, present: present)
    }

    /// Facts whose body is already UTF-8 (the opening lines of the matching copy, joined).
    init(title: String?, column: String?, bodyUTF8: [UInt8], documentNumber: String?, present: Set<String>) {
        self.title = title
        self.column = column
        self.documentNumber = documentNumber
        self.present = present
        titleBytes = title.map { Array($0.utf8) }
        columnBytes = column.map { Array($0.utf8) }
        bodyBytes = bodyUTF8
        numberBytes = documentNumber.map { Array($0.utf8) }
    }

    /// The same facts with one column in place of the page's columns (the other texts not encoded again).
    func with(column: String) -> DocumentFacts {
        DocumentFacts(
            title: title, column: column, documentNumber: documentNumber, present: present, titleBytes: titleBytes,
            columnBytes: Array(column.utf8), bodyBytes: bodyBytes, numberBytes: numberBytes)
    }

    private init(
        title: String?, column: String?, documentNumber: String?, present: Set<String>, titleBytes: [UInt8]?, columnBytes: [UInt8]?,
        bodyBytes: [UInt8], numberBytes: [UInt8]?
    ) {
        self.title = title
        self.column = column
        self.documentNumber = documentNumber
        self.present = present
        self.titleBytes = titleBytes
        self.columnBytes = columnBytes
        self.bodyBytes = bodyBytes
        self.numberBytes = numberBytes
    }
}
