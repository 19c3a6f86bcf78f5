/// The vocabulary of finding kinds (Pipeline.md lists them with their meaning).
///
/// A kind says *what* was found independently of which rule found it, so that reports, policies
/// and the evaluation can group findings. Rule files name kinds by these raw values.
public struct FindingKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let secretMark = FindingKind(rawValue: "secret_mark")
    public static let workSecret = FindingKind(rawValue: "work_secret")
    public static let policeWork = FindingKind(rawValue: "police_work")
    /// A third party's business information (条例 Art. 15).
    public static let commercialSecret = FindingKind(rawValue: "commercial_secret")
    public static let casePerson = FindingKind(rawValue: "case_person")
    public static let residentID = FindingKind(rawValue: "resident_id")
    public static let mobile = FindingKind(rawValue: "mobile")
    public static let bankCard = FindingKind(rawValue: "bank_card")
    public static let address = FindingKind(rawValue: "address")
    public static let credential = FindingKind(rawValue: "credential")
    public static let intranet = FindingKind(rawValue: "intranet")
    public static let process = FindingKind(rawValue: "process")
    public static let email = FindingKind(rawValue: "email")
    public static let plate = FindingKind(rawValue: "plate")
    public static let coordinates = FindingKind(rawValue: "coordinates")
    public static let passport = FindingKind(rawValue: "passport")
    public static let orgCode = FindingKind(rawValue: "org_code")
    public static let masked = FindingKind(rawValue: "masked")
    public static let maskingWeak = FindingKind(rawValue: "masking_weak")
    public static let landline = FindingKind(rawValue: "landline")
    /// A wrong form of a name or formulation (严重表述错误, S-ERR-NAMES).
    public static let expressionError = FindingKind(rawValue: "expression_error")
    public static let format = FindingKind(rawValue: "format")
    /// A document relying on a law, rule or provision that had ended by its date (`Rules/repealed.yaml`).
    public static let outdatedBasis = FindingKind(rawValue: "outdated_basis")
    public static let penaltyMasking = FindingKind(rawValue: "penalty_masking")
    public static let attributeMissing = FindingKind(rawValue: "attribute_missing")
    public static let attributeConflict = FindingKind(rawValue: "attribute_conflict")
    public static let attributeMismatch = FindingKind(rawValue: "attribute_mismatch")
    public static let attributeNotPublic = FindingKind(rawValue: "attribute_not_public")
    public static let attributePartial = FindingKind(rawValue: "attribute_partial")
    public static let interpretationFields = FindingKind(rawValue: "interpretation_fields")
    public static let interpretationMissing = FindingKind(rawValue: "interpretation_missing")
    public static let proposalTitle = FindingKind(rawValue: "proposal_title")
    public static let consultation = FindingKind(rawValue: "consultation")
    public static let aggregationLinkage = FindingKind(rawValue: "aggregation_linkage")
    public static let aggregationBulk = FindingKind(rawValue: "aggregation_bulk")
    public static let aggregationLayout = FindingKind(rawValue: "aggregation_layout")
    /// A `pubgate:allow` without a reason.
    public static let suppression = FindingKind(rawValue: "suppression")
    /// Content that was withdrawn or purged, published again.
    public static let republication = FindingKind(rawValue: "republication")
    /// Content a container document publishes without printing it: comments, tracked changes,
    /// hidden text, sheets and cells, annotations, properties naming people (I-02).
    public static let hiddenContent = FindingKind(rawValue: "hidden_content")
    /// Images and embedded or attached files whose content was not scanned (I-03).
    public static let embeddedContent = FindingKind(rawValue: "embedded_content")
    /// PDF pages without a text layer: scans that need OCR or a human (I-03).
    public static let needsOCR = FindingKind(rawValue: "needs_ocr")
    /// A page links an attachment that is rejected, or that is not in the reviewed tree.
    public static let attachment = FindingKind(rawValue: "attachment")
    /// The document could not be read, decoded or parsed; it is rejected (fail closed).
    public static let unscannable = FindingKind(rawValue: "unscannable")
    /// A rule hit a resource limit on this document; the scan is incomplete, so it is rejected.
    public static let scanIncomplete = FindingKind(rawValue: "scan_incomplete")

    /// Every kind pubgate knows; a rule naming another kind is a configuration error.
    public static let vocabulary: [FindingKind] = [
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
