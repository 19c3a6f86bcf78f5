/// The vocabulary of finding kinds (Pipeline.md lists them with their meaning).
///
/// A kind says *what* was found independently of which rule found it, so that reports, policies
/// and the evaluation can group findings. Rule files name kinds by these raw values.
public struct FindingKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    static let secretMark = FindingKind(rawValue: "secret_mark")
    static let workSecret = FindingKind(rawValue: "work_secret")
    static let policeWork = FindingKind(rawValue: "police_work")
    /// A third party's business information (条例 Art. 15).
    static let commercialSecret = FindingKind(rawValue: "commercial_secret")
    static let casePerson = FindingKind(rawValue: "case_person")
    static let residentID = FindingKind(rawValue: "resident_id")
    static let mobile = FindingKind(rawValue: "mobile")
    static let bankCard = FindingKind(rawValue: "bank_card")
    static let address = FindingKind(rawValue: "address")
    static let credential = FindingKind(rawValue: "credential")
    static let intranet = FindingKind(rawValue: "intranet")
    static let process = FindingKind(rawValue: "process")
    static let email = FindingKind(rawValue: "email")
    static let plate = FindingKind(rawValue: "plate")
    static let coordinates = FindingKind(rawValue: "coordinates")
    static let passport = FindingKind(rawValue: "passport")
    static let orgCode = FindingKind(rawValue: "org_code")
    static let masked = FindingKind(rawValue: "masked")
    static let maskingWeak = FindingKind(rawValue: "masking_weak")
    static let landline = FindingKind(rawValue: "landline")
    /// A wrong form of a name or formulation (严重表述错误, S-ERR-NAMES).
    static let expressionError = FindingKind(rawValue: "expression_error")
    static let format = FindingKind(rawValue: "format")
    /// A document relying on a law, rule or provision that had ended by its date (`Rules/repealed.yaml`).
    static let outdatedBasis = FindingKind(rawValue: "outdated_basis")
    static let penaltyMasking = FindingKind(rawValue: "penalty_masking")
    static let attributeMissing = FindingKind(rawValue: "attribute_missing")
    static let attributeConflict = FindingKind(rawValue: "attribute_conflict")
    static let attributeMismatch = FindingKind(rawValue: "attribute_mismatch")
    static let attributeNotPublic = FindingKind(rawValue: "attribute_not_public")
    static let attributePartial = FindingKind(rawValue: "attribute_partial")
    static let interpretationFields = FindingKind(rawValue: "interpretation_fields")
    static let interpretationMissing = FindingKind(rawValue: "interpretation_missing")
    static let proposalTitle = FindingKind(rawValue: "proposal_title")
    static let consultation = FindingKind(rawValue: "consultation")
    static let aggregationLinkage = FindingKind(rawValue: "aggregation_linkage")
    static let aggregationBulk = FindingKind(rawValue: "aggregation_bulk")
    static let aggregationLayout = FindingKind(rawValue: "aggregation_layout")
    /// A `pubgate:allow` without a reason.
    public static let suppression = FindingKind(rawValue: "suppression")
    /// Content that was withdrawn or purged, published again.
    static let republication = FindingKind(rawValue: "republication")
    /// Content a container document publishes without printing it: comments, tracked changes,
    /// hidden text, sheets and cells, annotations, properties naming people (I-02).
    static let hiddenContent = FindingKind(rawValue: "hidden_content")
    /// Images and embedded or attached files whose content was not scanned (I-03).
    static let embeddedContent = FindingKind(rawValue: "embedded_content")
    /// PDF pages without a text layer: scans that need OCR or a human (I-03).
    static let needsOCR = FindingKind(rawValue: "needs_ocr")
    /// A page links an attachment that is rejected, or that is not in the reviewed tree.
    static let attachment = FindingKind(rawValue: "attachment")
    /// The document could not be read, decoded or parsed; it is rejected (fail closed).
    public static let unscannable = FindingKind(rawValue: "unscannable")
    /// A rule hit a resource limit on this document; the scan is incomplete, so it is rejected.
    public static let scanIncomplete = FindingKind(rawValue: "scan_incomplete")

    /// Every kind pubgate knows; a rule naming another kind is a configuration error.
    static let vocabulary: [FindingKind] = [
        .secretMark, .workSecret, .policeWork, .commercialSecret, .casePerson, .residentID, .mobile, .bankCard, .address,
        .credential, .intranet, .process, .email, .plate, .coordinates, .passport, .orgCode, .masked,
        .maskingWeak, .landline, .expressionError, .format, .outdatedBasis, .penaltyMasking, .attributeMissing, .attributeConflict,
        .attributeMismatch, .attributeNotPublic, .attributePartial, .interpretationFields, .interpretationMissing,
        .proposalTitle, .consultation, .aggregationLinkage, .aggregationBulk, .aggregationLayout, .republication, .suppression, .hiddenContent,
        .embeddedContent, .needsOCR, .attachment, .unscannable,
        .scanIncomplete,
    ]

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
