import Foundation

/// A page and the attachments (附件) it links are published together, so they are reviewed
/// together: an attachment in the reviewed tree that the user did not name is reviewed as well, a
/// rejected attachment rejects the page (a finding naming it, as strict as the attachment's
/// disposition), and a linked attachment that is not in the tree is a `review` finding — it would
/// go online unreviewed.
struct AttachmentReview {
    /// The folders the user asked to review (a file's own folder for a file): an attachment must
    /// be inside one of them to be reviewed with its page.
    let roots: [String]

    init(paths: [String]) {
        roots = paths.map { path in
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            return InputCollector.canonical(exists && !isDir.boolValue ? (path as NSString).deletingLastPathComponent : path)
        }
    }

    /// Attachments linked by the pages (path and attachments of each reviewed document) that exist
    /// inside a reviewed folder and are not among the documents yet.
    func unreviewed(_ documents: [(path: String, attachments: [String])]) -> [String] {
        // Resolving every document's path is only worth it when some page links an attachment.
        guard documents.contains(where: { !$0.attachments.isEmpty }) else { return [] }
        var seen = Set(documents.map { InputCollector.canonical($0.path) })
        var out: [String] = []
        for document in documents {
            for attachment in document.attachments where isReviewable(attachment) {
                if seen.insert(InputCollector.canonical(attachment)).inserted { out.append(attachment) }
            }
        }
        return out
    }

    /// The findings each page gets for its attachments, by index in `documents` (each document's
    /// digest, with its final decision, and the attachments it links).
    func findings(_ documents: [(digest: DocumentDigest, attachments: [String])]) -> [(index: Int, findings: [Finding])] {
        guard documents.contains(where: { !$0.attachments.isEmpty }) else { return [] }
        var byPath: [String: DocumentDigest] = [:]
        for document in documents { byPath[InputCollector.canonical(document.digest.path)] = document.digest }
        var out: [(Int, [Finding])] = []
        for (index, page) in documents.enumerated() {
            var found: [Finding] = []
            for attachment in page.attachments {
                guard let review = byPath[InputCollector.canonical(attachment)], isReviewable(attachment) else {
                    found.append(
                        Finding(
                            ruleID: "attachment_not_reviewed", kind: .attachment, severity: .review,
                            message: "the page links the attachment `\(attachment)`, which is not in the reviewed folder: it would be published unreviewed",
                            part: .attribute,
                            remediation: "Put the attachment beside the page in the batch, or remove the link."))
                    continue
                }
                guard review.decision == .reject, let disposition = review.disposition else { continue }
                found.append(
                    Finding(
                        ruleID: "attachment_rejected", kind: .attachment, severity: disposition.severity,
                        message: "the attachment `\(attachment)` is rejected (\(disposition.rawValue): \(review.reasons.joined(separator: ", "))); the page is published with it",
                        part: .attribute,
                        remediation: "Correct or remove the attachment, then review the page again."))
            }
            if !found.isEmpty { out.append((index, found)) }
        }
        return out
    }

    /// True when the attachment exists and lies inside a reviewed folder.
    private func isReviewable(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { return false }
        let target = InputCollector.canonical(path)
        return roots.contains { target.hasPrefix($0 + "/") }
    }
}
