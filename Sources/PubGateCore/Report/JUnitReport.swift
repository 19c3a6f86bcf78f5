/// The manifest as JUnit XML for CI dashboards: one test case per document, failed when rejected,
/// with the (masked) findings behind the rejection that `--min-severity` shows, in the report's
/// language.
enum JUnitReport {
    static func render(_ manifest: Manifest, options: ReportOptions = ReportOptions()) -> String {
        let text = options.text
        let failures = manifest.summary.rejected
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"pubgate\" tests=\"\(manifest.documents.count)\" failures=\"\(failures)\">\n"
        out +=
            "  <testsuite name=\"pubgate review \(manifest.asOf)\" tests=\"\(manifest.documents.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for doc in manifest.documents {
            out += "    <testcase classname=\"pubgate.review\" name=\"\(escape(doc.path))\""
            guard doc.decision == .reject else {
                out += "/>\n"
                continue
            }
            let reasons = doc.findings.filter { Disposition(severity: $0.severity) != nil && options.shows($0.severity, in: .junit) }
            let summary = "\(doc.disposition?.rawValue ?? "reject"): " + reasons.map(\.ruleID).joined(separator: ", ")
            out += ">\n      <failure type=\"\(doc.disposition?.rawValue ?? "reject")\" message=\"\(escape(summary))\">"
            out += escape(
                reasons.map { f in
                    "\(f.location.map { "\($0.line):\($0.column) " } ?? "")\(f.ruleID) [\(text.severity(f.severity))] \(text.message(f))\(f.masked.map { " «\($0)»" } ?? "")"
                }.joined(separator: "\n"))
            out += "</failure>\n    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // As references, so an attribute keeps them (a parser turns a raw one into a space).
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                // XML 1.0 forbids most control characters.
                if ch.value < 0x20 { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
