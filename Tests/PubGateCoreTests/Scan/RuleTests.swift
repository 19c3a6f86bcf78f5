import Foundation
import Testing

@testable import PubGateCore

@Suite struct RuleTests {
    @Test func everyShippedRuleHoldsItsExamples() {
        #expect(!shippedRules.rules.isEmpty)
        let failures = RuleExampleChecker(rules: shippedRules, classifier: shippedClassifier, asOf: reviewDate).failures()
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func ruleIDsAreSnakeCaseAndUnique() {
        let ids = shippedRules.rules.map(\.rule.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil, "\(id)") }
    }

    @Test func brokenPatternNamesFileRuleAndOffset() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-rules-\(lettersOnlyName())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.yaml")
        try """
        version: 1
        rules:
          - id: broken_rule
            title: t
            kind: format
            severity: fix
            pattern: 'abc(def'
            examples: {match: [abc]}
        """.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try RuleSet.load(from: dir.path)
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.file.hasSuffix("broken.yaml"))
            #expect(error.ruleID == "broken_rule")
            #expect(error.description.contains("offset 7"))
        }
    }

    @Test func unknownKeyIsAWarning() throws {
        let (_, warnings) = try #require(
            try RuleSet.parse(
                "version: 1\nrules:\n  - id: r\n    title: t\n    kind: format\n    severity: info\n    pattern: x\n    colour: red\n    examples: {match: [x]}\n",
                file: "f.yaml"))
        #expect(warnings.map(\.message) == ["unknown key `colour` in rule `r` (ignored)"])
    }

    @Test func aLexiconRuleMatchesItsTermsLiterally() throws {
        let yaml = { (body: String) in
            "version: 1\nrules:\n  - id: lex\n    title: t\n    kind: format\n    severity: fix\n\(body)    examples: {match: ['a.b']}\n"
        }
        let rule = try #require(try RuleSet.parse(yaml("    terms: ['a.b', '(x)']\n"), file: "f.yaml")).0.rules[0]
        #expect(rule.pattern == #"(?:a\.b|\(x\))"#)
        let set = RuleSet(rules: [try CompiledRule(rule: rule, file: "f.yaml", limits: .init())], warnings: [])
        #expect(scan(Array("a.b axb (x)".utf8), name: "t.txt", rules: set).1.compactMap(\.match) == ["a.b", "(x)"])
        for (body, message) in [("    pattern: x\n    terms: [y]\n", "not both"), ("    terms: []\n", "at least one"), ("", "`pattern` or `terms`")] {
            #expect(throws: ConfigurationError.self) { try RuleSet.parse(yaml(body), file: "f.yaml") }
            do {
                _ = try RuleSet.parse(yaml(body), file: "f.yaml")
            } catch {
                #expect(error.description.contains(message), "\(error.description)")
                #expect(error.ruleID == "lex")
            }
        }
    }

    /// `lower_if_any` searches its own `lower_window` when one is given; `drop_if_any` keeps `window`.
    @Test func lowerWindowReachesFartherThanTheDropWindow() throws {
        let yaml = """
            version: 1
            rules:
              - id: plan
                title: t
                kind: police_work
                severity: block
                pattern: 专案组
                context: {window: 5, drop_if_any: [诈骗], lower_if_any: [抓获], lower_to: warn, lower_window: 30}
                examples: {match: [专案组]}
            """
        let rule = try #require(try RuleSet.parse(yaml, file: "f.yaml")).0.rules[0]
        let set = RuleSet(rules: [try CompiledRule(rule: rule, file: "f.yaml", limits: .init())], warnings: [])
        let severity = { (text: String) in scan(Array(text.utf8), name: "t.txt", rules: set).1.first?.severity }
        #expect(severity("成立专案组，经过四十余天连续奋战，将嫌疑人抓获。") == .warn)
        #expect(severity("成立专案组，定于七月五日凌晨统一行动。") == .block)
        #expect(severity("成立专案组，经过四十余天连续奋战，打击诈骗团伙。") == .block)
        #expect(severity("诈骗专案组") == nil)
    }

    /// A mobile given as the contact a document's format asks for — the 解读电话 (docs/domain.md §7.2),
    /// the answering officer of a reply (§7.3), a consultation's feedback line (§7.5) — is WARN; in
    /// a notice's contact line (S31) or beside a deputy's name it blocks.
    @Test func aMobileAsTheRequiredContactIsAWarning() {
        let severity = { (title: String, text: String) in
            scan(Array("---\ntitle: \(title)\n---\n\(text)\n".utf8), name: "a.md").1.first { $0.kind == .mobile }?.severity
        }
        #expect(severity("关于《某某办法》的政策解读", "解读电话：13912345678") == .warn)
        #expect(severity("关于市人大第12号建议的答复", "联系电话：13912345678 联系人：王立新") == .warn)
        #expect(severity("关于公开征求《某某办法（征求意见稿）》意见的通知", "联系人：钱立新，联系电话：15957208613。") == .warn)
        #expect(severity("关于开展反诈宣传月活动的通知", "（联系人：王立新，联系电话：13912345678）") == .block)
        #expect(severity("关于市人大第12号建议的答复", "王秀兰代表（联系电话：13941412345）：") == .block)
        #expect(severity("关于市人大第12号建议的答复", "联系人：李立新。王秀兰代表手机13941412345") == .block)
    }

    @Test func runawayRuleEndsAsScanIncompleteWithinASecond() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-runaway-\(lettersOnlyName()).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        version: 1
        rules:
          - id: runaway
            title: t
            kind: format
            severity: fix
            pattern: '(a+)+$'
            examples: {match: [aaa]}
        """.write(to: file, atomically: true, encoding: .utf8)
        let rules = try RuleSet.load(from: file.path)
        // The line ends in a real match, so the prefilter sends PCRE2 to the line (the rule is
        // confirmed in line windows), which opens with the pathological run.
        let (_, findings) = scan(Array((String(repeating: "a", count: 5000) + "!aaa").utf8), name: "a.txt", rules: rules)
        // The match limit ends the pathological match (how quickly: Scripts/bench-hostile.sh).
        #expect(findings.contains { $0.kind == .scanIncomplete && $0.severity == .block })
    }

    @Test func validatorsFollowTheTestVectors() {
        for id in ["11010519491231002X", "210302200002293455", "810000198808088859"] {
            #expect(Validators.residentID18(Array(id), asOf: reviewDate), "\(id)")
        }
        for id in ["110101194912316220", "110101199902301231", "990101199001011118", "320102209901013336"] {
            #expect(!Validators.residentID18(Array(id), asOf: reviewDate), "\(id)")
        }
        #expect(Validators.luhn(Array("6217001440974992134")))
        #expect(!Validators.luhn(Array("6217001440974992135")))
        #expect(Validators.uscc("91350100M000100Y43"))
        #expect(!Validators.uscc("93440300MA06A07957"))
        #expect(Validators.maskedIDIsWeak("2103021990010112**"))
        #expect(!Validators.maskedIDIsWeak("210302********1234"))
    }

    @Test func defaultOutputNeverContainsTheFullID() throws {
        let ingested = IngestStage().run(RawInput(path: "a.txt", bytes: Array("身份证号：210503197906151225".utf8)))
        let findings = RuleScanner(rules: shippedRules, asOf: reviewDate, showMatches: false).scan(shippedClassifier.classify(ingested))
        let json = String(decoding: try AtomicWriter.encodeJSON(findings), as: UTF8.self)
        #expect(!findings.isEmpty)
        #expect(!json.contains("210503197906151225"))
        #expect(!json.contains("19790615"))
    }
}
