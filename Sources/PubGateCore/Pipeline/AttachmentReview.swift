import Foundation

/// A page and the attachments (附件) it links are published together, so they are reviewed
/// together: an attachment in the reviewed tree that the user did not name is reviewed as well, a
/// rejected attachment rejects the page (a finding naming it, as strict as the attachment's
/// disposition), and a linked attachment that is not in the tree is a `review` finding — it would
/// go online unreviewed.
struct AttachmentReview<Source: DocumentSource> {
    /// Where the pages came from: it tells whether an attachment can be reviewed with its page.
    let source: Source

    /// Attachments linked by the pages (path and attachments of each reviewed document) that exist
    /// inside a reviewed folder and are not among the documents yet.
    func unreviewed(_ documents: [(path: String, attachments: [String])]) -> [String] {
        // Resolving every document's path is only worth it when some page links an attachment.
        guard documents.contains(where: { !$0.attachments.isEmpty }) else { return [] }
        var seen = Set(documents.map { source.identity(of: $0.path) })
        var out: [String] = []
        for document in documents {
            for attachment in document.attachments where source.isReviewable(attachment: attachment) {
                if seen.insert(source.identity(of: attachment)).inserted { out.append(attachment) }
            }
        }
        return out
    }

    /// The findings each page gets for its attachments, by index in `documents` (each document's
    /// digest, with its final decision, the name it was read by and the attachments it links).
    func findings(_ documents: [(digest: DocumentDigest, name: String, attachments: [String])]) -> [(index: Int, findings: [Finding])] {
        guard documents.contains(where: { !$0.attachments.isEmpty }) else { return [] }
        var byPath: [String: DocumentDigest] = [:]
        for document in documents { byPath[source.identity(of: document.name)] = document.digest }
        var out: [(Int, [Finding])] = []
        for (index, page) in documents.enumerated() {
            var found: [Finding] = []
            for attachment in page.attachments {
                let shown = DisplayPath.of(attachment)
                guard let review = byPath[source.identity(of: attachment)], source.isReviewable(attachment: attachment) else {
                    found.append(
                        Finding(
                            ruleID: "attachment_not_reviewed", kind: .attachment, severity: .review,
                            text: Message("attachment_not_reviewed", ["file": shown]), part: .attribute))
                    continue
                }
                guard review.decision == .reject, let disposition = review.disposition else { continue }
                found.append(
                    Finding(
                        ruleID: "attachment_rejected", kind: .attachment, severity: disposition.severity,
                        text: Message(
                            "attachment_rejected",
                            ["file": shown, "disposition": disposition.rawValue, "rules": review.reasons.joined(separator: ", ")]),
                        part: .attribute))
            }
            if !found.isEmpty { out.append((index, found)) }
        }
        return out
    }
}
