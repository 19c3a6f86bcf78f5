import EncodingKit
import Foundation

/// One document's entry in the manifest: what it is, what was found and what was decided.
public struct DocumentReview: Sendable, Codable {
    public let path: String
    public let sha256: String
    public let bytes: Int
    public let format: DocumentFormat
    /// Nil when the file could not be decoded.
    public let encoding: TextEncoding?
    public let docType: DocumentType?
    public let title: String?
    /// The declared 公开属性 (one value), `conflict` or `missing`; nil when unscannable.
    public let attribute: String?
    /// Declared, implied and effective attribute with their evidence.
    public let attributeDetail: AttributeAssessment?
    /// Canonical 文号.
    public let documentNumber: String?
    public let elements: DocumentElements?
    public let metadata: PageMetadata?
    public let validity: ValidityStatement?
    /// When the document stops being valid (stated, or the default for a 规范性文件).
    public let expiry: ValidityTerm?
    public private(set) var decision: Decision
    /// Nil when approved.
    public private(set) var disposition: Disposition?
    /// Sorted by line, column, then rule id.
    public private(set) var findings: [Finding]
    /// Findings accepted by a suppression, with it (not counted for the decision).
    public private(set) var suppressed: [SuppressedFinding] = []
    /// Files a page links as attachments (附件), as paths beside the page's own; reviewed with it.
    /// Nil for documents that link none.
    public internal(set) var attachments: [String]?
    /// `asset` for a site asset (scanned for leaks, not judged as a document); nil for a document.
    public internal(set) var role: DocumentRole?
    /// The document's `pubgate:allow` lines (applied once every finding is known).
    var inlineAllows: [InlineSuppressions.Allow] = []

    public init(
        path: String, sha256: String, bytes: Int, format: DocumentFormat, encoding: TextEncoding?, docType: DocumentType?,
        title: String?, attribute: String?, attributeDetail: AttributeAssessment?, documentNumber: String?,
        elements: DocumentElements?, metadata: PageMetadata?, validity: ValidityStatement?, expiry: ValidityTerm?,
        findings: [Finding],
        policy: DecisionPolicy
    ) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.format = format
        self.encoding = encoding
        self.docType = docType
        self.title = title
        self.attribute = attribute
        self.attributeDetail = attributeDetail
        self.documentNumber = documentNumber
        self.elements = elements
        self.metadata = metadata
        self.validity = validity
        self.expiry = expiry
        self.findings = []
        self.decision = .approve
        self.disposition = nil
        add(findings, policy: policy)
    }

    /// Adds findings (from a later stage) and decides again.
    public mutating func add(_ more: [Finding], policy: DecisionPolicy) {
        findings = (findings + policy.adjust(more)).sorted(by: Self.order)
        (decision, disposition) = policy.decide(findings)
    }

    /// Moves the findings an inline allow or a baseline entry accepts into `suppressed` and decides
    /// again; returns the suppressions that matched nothing. A document that could not be read or
    /// fully scanned is never accepted this way (fail closed).
    mutating func applySuppressions(baseline: [Baseline.Entry], policy: DecisionPolicy) -> [Suppression] {
        var usedAllows = Set<Int>()
        var usedEntries = Set<Int>()
        var kept: [Finding] = []
        for f in findings {
            guard f.kind != .unscannable, f.kind != .scanIncomplete, f.kind != .suppression else {
                kept.append(f)
                continue
            }
            if let i = inlineAllows.firstIndex(where: { a in
                a.rule == f.ruleID && (f.location.map { $0.line == a.line || $0.line == a.line + 1 } ?? true)
            }) {
                usedAllows.insert(i)
                let a = inlineAllows[i]
                suppressed.append(SuppressedFinding(finding: f, suppression: Suppression(source: .inline, rule: a.rule, reason: a.reason, line: a.line)))
                continue
            }
            // The fingerprint is a hash of the finding: only worked out when there is a baseline to match.
            if !baseline.isEmpty, case let fingerprint = Baseline.fingerprint(f),
                let i = baseline.firstIndex(where: { $0.rule == f.ruleID && $0.fingerprint == fingerprint })
            {
                usedEntries.insert(i)
                let e = baseline[i]
                suppressed.append(
                    SuppressedFinding(
                        finding: f, suppression: Suppression(source: .baseline, rule: e.rule, reason: e.reason, line: nil, author: e.addedBy, date: e.added)))
                continue
            }
            kept.append(f)
        }
        findings = kept
        (decision, disposition) = policy.decide(findings)
        let staleAllows = inlineAllows.indices.filter { !usedAllows.contains($0) }.map {
            Suppression(source: .inline, rule: inlineAllows[$0].rule, reason: inlineAllows[$0].reason, line: inlineAllows[$0].line)
        }
        let staleEntries = baseline.indices.filter { !usedEntries.contains($0) }.map {
            Suppression(source: .baseline, rule: baseline[$0].rule, reason: baseline[$0].reason, line: nil, author: baseline[$0].addedBy, date: baseline[$0].added)
        }
        return staleAllows + staleEntries
    }

    /// Fills in who added each inline suppression and when, from `blame` (git blame where the
    /// document is in git).
    mutating func attributeInlineSuppressions(_ blame: (Int) -> (author: String, date: String)?) {
        for i in suppressed.indices where suppressed[i].suppression.source == .inline {
            guard let line = suppressed[i].suppression.line, let (author, date) = blame(line) else { continue }
            var s = suppressed[i].suppression
            s.author = author
            s.date = date
            suppressed[i] = SuppressedFinding(finding: suppressed[i].finding, suppression: s)
        }
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        let la = a.location.map { ($0.line, $0.column) } ?? (0, 0)
        let lb = b.location.map { ($0.line, $0.column) } ?? (0, 0)
        if la != lb { return la < lb }
        return a.ruleID < b.ruleID
    }

    /// In the order of the JSON keys, so the manifest writer never has to reorder an entry.
    enum CodingKeys: String, CodingKey {
        case attachments, attribute
        case attributeDetail = "attribute_detail"
        case bytes, decision, disposition
        case docType = "doc_type"
        case documentNumber = "document_number"
        case elements, encoding, expiry, findings, format, metadata, path, role, sha256, suppressed, title, validity
    }
}
