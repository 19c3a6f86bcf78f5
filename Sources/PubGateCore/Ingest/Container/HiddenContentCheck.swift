/// I-02 and I-03 (docs/domain.md §9): what a container document publishes without printing it —
/// comments, tracked changes, hidden text, hidden sheets and cells, annotations, properties that
/// name people — and what pubgate could not read in it (images, embedded objects).
///
/// Each is a `review` finding on its own, whatever the scan finds in the text: the web reviewer
/// sees the printed page, the site serves the whole file.
enum HiddenContentCheck {
    /// Parts that are in the file but not on the printed page, with the rule that reports them
    /// (its message and remediation are in `Rules/messages`).
    static let hiddenParts: [(parts: Set<ContentPart>, text: Message)] = [
        ([.comment], Message("hidden_comments")),
        ([.deletedRevision, .insertedRevision], Message("hidden_revisions")),
        ([.hiddenText], Message("hidden_text")),
        ([.hiddenSheet], Message("hidden_sheets")),
        ([.hiddenCell], Message("hidden_cells")),
        ([.annotation], Message("hidden_annotations")),
    ]

    static func findings(for extraction: ContainerExtraction, unreadEmbedded: [String]) -> [Finding] {
        var findings: [Finding] = []
        let segments = extraction.text.segments
        for (parts, text) in hiddenParts {
            let indices = segments.indices.filter { parts.contains(segments[$0].part) }
            guard let first = indices.first else { continue }
            let places = Self.list(indices.compactMap { segments[$0].place })
            findings.append(
                Finding(
                    ruleID: text.key, kind: .hiddenContent, severity: .review,
                    text: Message(text.key, ["places": places]),
                    part: segments[first].part, location: extraction.text.location(ofSegment: first)))
        }
        if !extraction.personalProperties.isEmpty {
            findings.append(
                Finding(
                    ruleID: "hidden_properties", kind: .hiddenContent, severity: .review,
                    text: Message("hidden_properties", ["places": list(extraction.personalProperties)]), part: .property, sources: ["S25"]))
        }
        if !extraction.images.isEmpty {
            findings.append(
                Finding(
                    ruleID: "embedded_images", kind: .embeddedContent, severity: .review,
                    text: Message("embedded_images", ["count": String(extraction.images.count), "places": list(extraction.images)]),
                    part: .attachment))
        }
        if !unreadEmbedded.isEmpty {
            findings.append(
                Finding(
                    ruleID: "embedded_objects", kind: .embeddedContent, severity: .review,
                    text: Message("embedded_objects", ["places": list(unreadEmbedded)]), part: .attachment))
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
