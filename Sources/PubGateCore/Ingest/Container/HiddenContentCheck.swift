/// I-02 and I-03 (domain-spec §9): what a container document publishes without printing it —
/// comments, tracked changes, hidden text, hidden sheets and cells, annotations, properties that
/// name people — and what pubgate could not read in it (images, embedded objects).
///
/// Each is a `review` finding on its own, whatever the scan finds in the text: the web reviewer
/// sees the printed page, the site serves the whole file.
enum HiddenContentCheck {
    /// Parts that are in the file but not on the printed page, with the rule that reports them.
    static let hiddenParts: [(parts: Set<ContentPart>, rule: String, what: String, remediation: String)] = [
        ([.comment], "hidden_comments", "comments",
         "Delete the comments (审阅 → 删除所有批注) before publishing."),
        ([.deletedRevision, .insertedRevision], "hidden_revisions", "tracked changes (deleted text is still in the file)",
         "Accept or reject all tracked changes and turn tracking off before publishing."),
        ([.hiddenText], "hidden_text", "text formatted as hidden",
         "Remove the hidden text, or publish a PDF printed from the final version."),
        ([.hiddenSheet], "hidden_sheets", "cells on hidden or very hidden sheets",
         "Delete the hidden sheets; publish only the sheet meant for the public."),
        ([.hiddenCell], "hidden_cells", "cells in hidden rows or columns",
         "Delete the hidden rows and columns instead of hiding them."),
        ([.annotation], "hidden_annotations", "annotations",
         "Remove the annotations, or publish a version without them."),
    ]

    static func findings(for extraction: ContainerExtraction, unreadEmbedded: [String]) -> [Finding] {
        var findings: [Finding] = []
        let segments = extraction.text.segments
        for (parts, rule, what, remediation) in hiddenParts {
            let indices = segments.indices.filter { parts.contains(segments[$0].part) }
            guard let first = indices.first else { continue }
            let places = Self.list(indices.compactMap { segments[$0].place })
            findings.append(
                Finding(
                    ruleID: rule, kind: .hiddenContent, severity: .review,
                    message: "the file carries \(what), not printed but published with it: \(places)",
                    part: segments[first].part, location: extraction.text.location(ofSegment: first),
                    remediation: remediation))
        }
        if !extraction.personalProperties.isEmpty {
            findings.append(
                Finding(
                    ruleID: "hidden_properties", kind: .hiddenContent, severity: .review,
                    message: "document properties name the people who wrote or edited it: \(list(extraction.personalProperties))",
                    part: .property, sources: ["S25"],
                    remediation: "Clear author, last-modified-by and custom properties (文件 → 检查文档 → 删除文档属性和个人信息)."))
        }
        if !extraction.images.isEmpty {
            findings.append(
                Finding(
                    ruleID: "embedded_images", kind: .embeddedContent, severity: .review,
                    message: "\(extraction.images.count) image(s) whose text is not scanned; needs OCR or a human: \(list(extraction.images))",
                    part: .attachment,
                    remediation: "Look at every image (seals, scans, screenshots) before publishing."))
        }
        if !unreadEmbedded.isEmpty {
            findings.append(
                Finding(
                    ruleID: "embedded_objects", kind: .embeddedContent, severity: .review,
                    message: "embedded or attached files that were not scanned: \(list(unreadEmbedded))",
                    part: .attachment,
                    remediation: "Remove the embedded files, or open and review each of them by hand."))
        }
        return findings
    }

    /// Up to five items, then how many more.
    static func list(_ items: [String]) -> String {
        var unique: [String] = []
        for item in items where !unique.contains(item) { unique.append(item) }
        let shown = unique.prefix(5).joined(separator: ", ")
        return unique.count > 5 ? shown + " and \(unique.count - 5) more" : shown
    }
}
