/// Every finding as one CSV row (UTF-8 with BOM, CRLF), for spreadsheets: path, line, column,
/// rule, kind, severity, the document's decision and disposition, the masked text, the message,
/// and the place inside a container document (`原始数据!B2`). Machine columns keep their values;
/// the message is in the report's language. Findings below `--min-severity` are left out.
enum FindingsCSV {
    static func render(_ manifest: Manifest, options: ReportOptions = ReportOptions()) -> String {
        var rows = ["path,line,column,rule,kind,severity,decision,disposition,text,message,container"]
        for doc in manifest.documents {
            for f in doc.findings where options.shows(f.severity, in: .csv) {
                rows.append(
                    [
                        doc.path, f.location.map { String($0.line) } ?? "", f.location.map { String($0.column) } ?? "", f.ruleID,
                        f.kind.rawValue, f.severity.rawValue, doc.decision.rawValue, doc.disposition?.rawValue ?? "", f.masked ?? "",
                        options.text.message(f), f.location?.container ?? "",
                    ].map(field).joined(separator: ","))
            }
        }
        return "\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ s: String) -> String {
        // A leading = + - @ would run as a formula in a spreadsheet: quote it with a tick.
        CSV.quote(s.first.map { "=+-@".contains($0) } == true ? "'" + s : s)
    }
}
