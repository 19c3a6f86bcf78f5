import Foundation
import Mustache

/// The reviewer's report: one self-contained HTML page (no external files) with the summary, the
/// aggregation groups linking their documents, every document with its decision, each finding with
/// its masked context highlighted, filters by decision, kind and severity, a print stylesheet and
/// the 保密 reviewer's sign-off block, in the report's language.
///
/// At 10,000 documents a page of every row took a browser 49 s to lay out, so the documents travel
/// as compact JSON in the page (messages, rules and kinds interned) and the page's script builds
/// one page of rows at a time (50 by default). The shell is a Mustache template with HTML escaping
/// on; the data is JSON with `<` written `\u003c`, so no text of a document can close the script.
/// It only ever sees the masked texts of the manifest, so it cannot repeat a leak.
enum HTMLReport {
    static func render(_ manifest: Manifest, options: ReportOptions = ReportOptions()) throws -> String {
        let template = try MustacheTemplate(string: HTMLReportTemplate.page)
        return withoutControlCharacters(template.render(try context(manifest, options: options)))
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

    /// The HTML id of the document at `index`, which the aggregation groups link to.
    static func anchor(_ index: Int) -> String { "d\(index)" }

    /// Documents an aggregation group names before it counts the rest.
    static let groupLimit = 20

    /// The sentences of the page (`html.*` in the catalogue), with the run's numbers in them.
    static let labels = [
        "title", "heading", "meta", "masked_note", "documents", "approved", "rejected", "findings", "unscannable", "decision", "kind", "severity",
        "all", "search", "sort", "sort_priority", "sort_path", "page_size", "page_all", "groups_heading", "published", "documents_heading",
        "col_document", "col_decision", "col_disposition", "col_type", "col_attribute", "col_findings", "no_script", "signoff_heading",
        "signoff_scope", "signoff_opinion", "signoff_reviewer", "signoff_date", "signoff_signature", "print", "print_note",
    ]

    /// The words the page's script shows (pager, empty states, document-level findings).
    static let scriptLabels = ["previous", "next", "page_of", "none_match", "document_level", "remediation", "at_least"]

    static func context(_ m: Manifest, options: ReportOptions) throws -> [String: Any] {
        let text = options.text
        let args = [
            "as_of": m.asOf.description, "version": m.version, "documents": String(m.summary.documents),
            "approved": String(m.summary.approved), "rejected": String(m.summary.rejected),
        ]
        var t: [String: String] = [:]
        for id in labels { t[id] = text.text("html." + id, args) }
        var scriptWords: [String: String] = [:]
        for id in scriptLabels { scriptWords[id] = text.text("html." + id, args) }
        var groupsOf: [String: [Int]] = [:]
        for (i, g) in m.batchFindings.enumerated() { for p in g.paths { groupsOf[p, default: []].append(i) } }
        var index: [String: Int] = [:]
        for (i, d) in m.digests.enumerated() where index[d.path] == nil { index[d.path] = i }
        let groups: [[String: Any]] = m.batchFindings.enumerated().map { i, g in
            [
                "id": "group-\(i + 1)", "rule": g.rule, "kind": text.kind(g.kind), "severity": g.severity.rawValue,
                "severityLabel": text.severity(g.severity), "message": text.message(g),
                // A group of thousands (A-03 over a whole batch) names the first documents; the
                // kind filter lists them all, each carries the group's finding.
                "documents": g.paths.prefix(groupLimit).map { p in
                    ["path": p, "anchor": index[p].map(anchor) ?? "", "contribution": text.contribution(g.contributions[p] ?? [])]
                },
                "more": g.paths.count > groupLimit
                    ? [["text": text.text("html.group_more", ["count": String(g.paths.count - groupLimit), "kind": text.kind(g.kind)])]] : [],
                "corpus": g.corpus.prefix(groupLimit).map { ["path": $0] }, "details": g.details.prefix(groupLimit).map { ["line": $0] },
            ]
        }
        let data = try ReportData(m, options: options, groupsOf: groupsOf, words: scriptWords).json()
        return [
            "lang": text.language.htmlTag, "t": t, "asOf": m.asOf.description, "version": m.version, "groups": groups, "hasGroups": !groups.isEmpty,
            "summary": [
                "documents": m.summary.documents, "approved": m.summary.approved, "rejected": m.summary.rejected,
                "findings": m.summary.findings, "unscannable": m.summary.unscannable,
            ],
            "data": data,
        ]
    }

    /// A finding's excerpt around «…»: the text before, the masked match, the text after.
    static func split(_ excerpt: String?) -> (String, String, String) {
        guard let e = excerpt, let open = e.firstIndex(of: "«"), let close = e[open...].firstIndex(of: "»") else {
            return (excerpt ?? "", "", "")
        }
        return (String(e[..<open]), String(e[e.index(after: open)..<close]), String(e[e.index(after: close)...]))
    }

    /// The documents as the page's script reads them: one array per document — path, title,
    /// rejected (1/0), disposition (0 block, 1 review, 2 fix, 3 none), type, attribute, groups,
    /// findings (strictest first) — and one per finding — severity (0 block … 4 info), kind, rule, place, message,
    /// excerpt before / match / after, masked text, remediation, kind key; repeated texts once in
    /// `strings`, referred to by position (-1: none).
    struct ReportData {
        var strings: [String] = []
        var interned: [String: Int] = [:]
        var docs: [Any] = []
        let head: [String: Any]

        init(_ m: Manifest, options: ReportOptions, groupsOf: [String: [Int]], words: [String: String]) {
            let text = options.text
            let severities = Severity.allCases.reversed().map { ["key": $0.rawValue, "label": text.severity($0)] }
            var kinds: [String: Int] = [:]
            head = [
                "labels": words, "severities": severities, "decisions": [text.decision(.approve), text.decision(.reject)],
                "dispositions": [Disposition.block, .review, .fix].map { text.disposition($0) } + [""],
            ]
            for d in m.documents {
                var findings: [Any] = []
                // Strictest first within a document (in document order within a severity): a
                // rejected page leads with what rejects it, not with forty landline notes.
                let shown = d.findings.enumerated().filter { options.shows($0.element.severity, in: .html) }
                    .sorted { $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset }
                for f in shown.map(\.element) {
                    kinds[f.kind.rawValue, default: 0] += 1
                    let (before, match, after) = HTMLReport.split(f.excerpt)
                    let place = f.location.map { $0.container ?? "\($0.line):\($0.column)" } ?? ""
                    findings.append(
                        [
                            Self.severityIndex(f.severity), intern(text.kind(f.kind)), intern(f.ruleID), place, intern(text.message(f)),
                            before, match, after, f.excerpt == nil ? (f.masked ?? "") : "", text.remediation(f).map { intern($0) } ?? -1,
                            intern(f.kind.rawValue),
                        ] as [Any])
                }
                docs.append(
                    [
                        d.path, d.title ?? "", d.decision == .reject ? 1 : 0, d.disposition.map { SummaryPrinter.rank($0) } ?? 3,
                        d.docType.map { intern(text.term("doc_type", $0.rawValue)) } ?? -1,
                        d.attribute.map { text.term("attribute", $0) } ?? "", groupsOf[d.path] ?? [], findings,
                    ] as [Any])
            }
            kindCounts = kinds.sorted { $0.key < $1.key }.map { [$0.key, text.kind(FindingKind(rawValue: $0.key)), $0.value] as [Any] }
        }

        var kindCounts: [Any] = []

        /// Position in the table: block 0 … info 4.
        static func severityIndex(_ s: Severity) -> Int { Severity.allCases.reversed().firstIndex(of: s) ?? 4 }

        mutating func intern(_ s: String) -> Int {
            if let i = interned[s] { return i }
            strings.append(s)
            interned[s] = strings.count - 1
            return strings.count - 1
        }

        /// The JSON, safe inside a `<script>` element: `<` (and the line separators JavaScript once
        /// refused in strings) written as escapes; no `</script>` or `<!--` can appear.
        func json() throws -> String {
            var object = head
            object["strings"] = strings
            object["docs"] = docs
            object["kinds"] = kindCounts
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
                .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        }
    }
}
