/// Rule ids of the findings pubgate makes in code rather than from `Rules/*.yaml` (ingest, the
/// document checks, containers, aggregation, suppressions, attachments): what a `severity:` key may
/// name besides a rule file's ids and a kind. An unknown id there used to be accepted and did
/// nothing; now it stops the run, so this list must name every id the code emits (a test reads the
/// sources to check it).
enum BuiltInRuleIDs {
    static let all: Set<String> = [
        // Ingest and containers.
        "input_unreadable", "input_undecodable", "markup_unparsable", "markup_recovered", "markdown_unparsable",
        "front_matter_malformed", "container_unscannable", "embedded_unscannable", "pdf_damaged", "pdf_needs_ocr",
        "sheet_id_as_number", "hidden_comments", "hidden_revisions",
        "hidden_text", "hidden_sheets", "hidden_cells", "hidden_annotations", "hidden_properties", "embedded_images",
        "embedded_objects",
        // Document checks.
        "attribute_missing", "attribute_partial_without_record", "attribute_conflict", "attribute_not_public",
        "attribute_mismatch", "attribute_content_conflict", "attribute_normative_not_active", "interpretation_fields",
        "proposal_title", "consultation_window", "consultation_channel", "normative_fields", "document_number_format",
        "written_date_format", "penalty_minor", "penalty_masking_template", "outdated_basis", "attribute_implied",
        "case_person_name_repeated", "case_person_mask_inconsistent", "case_person_party_column", "case_person_penalty_addressee",
        "guide_wrong_agency",
        // Batch checks, suppressions, attachments.
        "interpretation_missing", "interpretation_orphan", "A-01", "A-02", "A-03", "A-04", "A-08", "suppression_without_reason",
        "attachment_rejected", "attachment_not_reviewed",
    ]
}
