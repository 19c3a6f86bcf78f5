import BytesKit
import Foundation
import PCRE2Kit

/// `pubgate:allow RULE_ID reason` comments in a document (in an HTML comment, a Markdown line, a
/// text line). One accepts that rule's findings on its own line and the line below it. Without a
/// reason it accepts nothing and is itself a finding: an unexplained suppression is not a decision.
struct InlineSuppressions: Sendable {
    struct Allow: Sendable {
        let rule: String
        let reason: String
        let line: Int
    }

    let allows: [Allow]
    let problems: [Finding]

    /// - Parameter text: the normalized text the lines come from; one byte search in it spares the
    ///   line-by-line look in the documents (nearly all) that hold no suppression.
    init(lines: [DocumentLine], text: [UInt8]) {
        var allows: [Allow] = []
        var problems: [Finding] = []
        let marker = Array("pubgate:allow".utf8)
        for line in LiteralSearch.contains(marker, in: text) ? lines : [] where line.text.includes("pubgate:allow") {
            for c in line.text.allCaptures(\.inlineAllow) {
                guard let rule = c[1] else { continue }
                let reason = (c[2] ?? "").trimmingCharacters(in: .whitespaces)
                if reason.isEmpty {
                    problems.append(
                        Finding(
                            ruleID: "suppression_without_reason", kind: .suppression, severity: .fix,
                            text: Message("suppression_without_reason", ["rule": rule]), part: line.part,
                            location: SourceLocation(line: line.line, column: 1, endLine: line.line, endColumn: 1, byteStart: 0, byteEnd: 0)))
                } else {
                    allows.append(Allow(rule: rule, reason: reason, line: line.line))
                }
            }
        }
        self.allows = allows
        self.problems = problems
    }
}
