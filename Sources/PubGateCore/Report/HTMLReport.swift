import Foundation
import Mustache

/// The reviewer's report: one self-contained HTML page (no external files) with the summary,
/// the documents with their decision and disposition, every finding with its masked context
/// highlighted, filters by decision, kind and severity, and the aggregation groups linking their
/// documents. Rendered from a Mustache template with HTML escaping on; it only ever sees the
/// masked texts of the manifest, so it cannot repeat a leak.
public enum HTMLReport {
    public static func render(_ manifest: Manifest) throws -> String {
        let template = try MustacheTemplate(string: HTMLReportTemplate.page)
        return withoutControlCharacters(template.render(context(manifest)))
    }

    /// `page` with control characters other than tab and line breaks (NUL, ESC from a title or a
    /// file name) replaced by U+FFFD: HTML forbids them, and escaping does not touch them.
    static func withoutControlCharacters(_ page: String) -> String {
        guard page.unicodeScalars.contains(where: isForbidden) else { return page }
        var out = String.UnicodeScalarView()
        for s in page.unicodeScalars { out.append(isForbidden(s) ? "\u{FFFD}" : s) }
        return String(out)
    }

    private static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        s.isControlCharacter && s != "\t" && s != "\n" && s != "\r"
    }

    static func anchor(_ path: String) -> String {
        "doc-" + Hex.encode(Array(path.utf8)).prefix(40)
    }

    static func context(_ m: Manifest) -> [String: Any] {
        var kinds: [String: Int] = [:]
        let groups: [[String: Any]] = m.batchFindings.enumerated().map { i, g in
            [
                "id": "group-\(i + 1)", "rule": g.rule, "kind": g.kind.rawValue, "severity": g.severity.rawValue, "message": g.message,
                "documents": g.paths.map { ["path": $0, "anchor": anchor($0), "contribution": g.contributions[$0]?.joined(separator: ", ") ?? ""] },
                "corpus": g.corpus.map { ["path": $0] }, "details": g.details.map { ["line": $0] },
            ]
        }
        let documents: [[String: Any]] = m.documents.map { d in
            let memberOf = m.batchFindings.enumerated().filter { $0.element.paths.contains(d.path) }.map { ["id": "group-\($0.offset + 1)", "rule": $0.element.rule] }
            let findings: [[String: Any]] = d.findings.map { f in
                kinds[f.kind.rawValue, default: 0] += 1
                let (before, match, after) = split(f.excerpt)
                return [
                    "line": f.location.map { $0.container ?? "\($0.line):\($0.column)" } ?? "文档",
                    "rule": f.ruleID, "kind": f.kind.rawValue, "severity": f.severity.rawValue, "message": f.message,
                    "text": f.masked ?? "", "before": before, "match": match, "after": after, "hasExcerpt": f.excerpt != nil,
                ]
            }
            return [
                "anchor": anchor(d.path), "path": d.path, "decision": d.decision.rawValue, "disposition": d.disposition?.rawValue ?? "",
                "docType": d.docType?.rawValue ?? "", "attribute": d.attribute ?? "", "title": d.title ?? "", "count": d.findings.count,
                "findings": findings, "hasFindings": !findings.isEmpty, "groups": memberOf,
            ]
        }
        return [
            "asOf": m.asOf.description, "version": m.version, "documents": documents, "groups": groups, "hasGroups": !groups.isEmpty,
            "summary": [
                "documents": m.summary.documents, "approved": m.summary.approved, "rejected": m.summary.rejected,
                "findings": m.summary.findings, "unscannable": m.summary.unscannable,
            ],
            "kinds": kinds.sorted { $0.key < $1.key }.map { ["kind": $0.key, "count": $0.value] },
            "severities": Severity.allCases.reversed().map { ["severity": $0.rawValue] },
        ]
    }

    /// A finding's excerpt around «…»: the text before, the masked match, the text after.
    static func split(_ excerpt: String?) -> (String, String, String) {
        guard let e = excerpt, let open = e.firstIndex(of: "«"), let close = e[open...].firstIndex(of: "»") else {
            return (excerpt ?? "", "", "")
        }
        return (String(e[..<open]), String(e[e.index(after: open)..<close]), String(e[e.index(after: close)...]))
    }
}
