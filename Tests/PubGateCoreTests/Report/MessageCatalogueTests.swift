import Foundation
import Testing

@testable import PubGateCore

/// The message catalogues (`Rules/messages`) against the code and the rules: every rule id and
/// every message id the code uses has its text in both languages, with the same placeholders;
/// nothing in a catalogue is left over from a rule or a sentence that is gone.
@Suite struct MessageCatalogueTests {
    static let en = try! MessageCatalogue.load(file: packageRoot.appendingPathComponent("Rules/messages/en.yaml").path, language: .en)
    static let zh = try! MessageCatalogue.load(file: packageRoot.appendingPathComponent("Rules/messages/zh.yaml").path, language: .zh)

    /// Every Swift source of the package, by path.
    static let sources: [(String, String)] = {
        let root = packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return files.sorted().map { ($0, (try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) ?? "") }
    }()

    /// The first capture of `pattern` everywhere in the sources.
    static func literals(_ pattern: String) -> Set<String> {
        let re = try! NSRegularExpression(pattern: pattern)
        var found: Set<String> = []
        for (_, text) in sources {
            for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        return found
    }

    /// Message keys the code says (`Message("consultation_window.period", …)`).
    static let messageKeys = literals(#"Message\(\s*"([^"]+)""#)
    /// Rule ids the code makes findings of (`ruleID: "attribute_missing"`) and batch rules.
    static let codeRules = literals(#"ruleID: "([^"]+)""#).union(literals(#"rule: "(A-[0-9]+)""#)).union(messageKeys.map { Message($0).section })
        .subtracting([MessageCatalogue.sharedSection])
    /// Report sentences the code asks for (`text("review.summary", …)`), and the HTML page's.
    static let textIDs = literals(#"text\(\s*"([a-z_]+\.[a-z_.]+)""#)
        .union(literals(#"\? "([a-z]+\.[a-z_]+)" : "[a-z]+\.[a-z_]+""#)).union(literals(#"\? "[a-z]+\.[a-z_]+" : "([a-z]+\.[a-z_]+)""#))
        .union(literals(#""((?:excluded|unscannable)\.[a-z_0-9]+)""#))
        .union((HTMLReport.labels + HTMLReport.scriptLabels).map { "html." + $0 })

    static let scanRules = shippedRules.rules.map(\.rule)
    static let expiryIDs: [String] = {
        let expiry = try! ExpiryRules.load(file: packageRoot.appendingPathComponent("Rules/expiry.yaml").path)
        return expiry.triggers.map(\.id)
    }()

    @Test func theCodeSaysItsMessagesInBothLanguagesWithTheSamePlaceholders() {
        #expect(Self.messageKeys.count > 40, "the key extraction found \(Self.messageKeys.count)")
        for key in Self.messageKeys.sorted() {
            let message = Message(key)
            guard let english = Self.en.template(message) else {
                Issue.record("en.yaml has no message \(key)")
                continue
            }
            guard let chinese = Self.zh.template(message) else {
                Issue.record("zh.yaml has no message \(key)")
                continue
            }
            #expect(
                MessageCatalogue.placeholders(chinese) == MessageCatalogue.placeholders(english),
                "\(key): zh says \(MessageCatalogue.placeholders(chinese).sorted()), en \(MessageCatalogue.placeholders(english).sorted())")
        }
        for section in [MessageCatalogue.sharedSection] + Self.codeRules.sorted() {
            for id in Self.en.remediationIDs(section) {
                let key = section + "." + id
                let chinese = Self.zh.remediationTemplate(rule: section, Message(key))
                #expect(chinese != nil, "zh.yaml has no remediation \(key)")
                if let chinese, let english = Self.en.remediationTemplate(rule: section, Message(key)) {
                    #expect(MessageCatalogue.placeholders(chinese) == MessageCatalogue.placeholders(english), "remediation \(key)")
                }
            }
        }
    }

    @Test func everyRuleHasATitleAndDescriptionInBothLanguages() {
        #expect(Self.codeRules.count > 30)
        for rule in Self.codeRules.sorted() {
            for catalogue in [Self.en, Self.zh] {
                #expect(catalogue.title(rule: rule) != nil, "\(catalogue.language).yaml: no title for \(rule)")
                #expect(catalogue.description(rule: rule) != nil, "\(catalogue.language).yaml: no description for \(rule)")
            }
        }
        // Scan rules keep their English in Rules/*.yaml; the Chinese is here, remediation included.
        for rule in Self.scanRules {
            #expect(Self.zh.title(rule: rule.id) != nil, "zh.yaml: no title for \(rule.id)")
            #expect(Self.zh.template(Message(rule.id)) != nil, "zh.yaml: no message for \(rule.id)")
            if rule.remediation != nil {
                #expect(Self.zh.remediation(rule: rule.id, Message(rule.id)) != nil, "zh.yaml: no remediation for \(rule.id)")
            }
        }
        for id in Self.expiryIDs {
            #expect(Self.en.title(rule: id) != nil && Self.zh.title(rule: id) != nil, "no title for the expiry trigger \(id)")
        }
    }

    @Test func everySentenceOfTheReportsIsInBothLanguages() {
        #expect(Self.textIDs.count > 40)
        for id in Self.textIDs.sorted() {
            guard let english = Self.en.texts[id], let chinese = Self.zh.texts[id] else {
                Issue.record("\(id): en \(Self.en.texts[id] != nil), zh \(Self.zh.texts[id] != nil)")
                continue
            }
            #expect(MessageCatalogue.placeholders(chinese) == MessageCatalogue.placeholders(english), "\(id)")
        }
    }

    @Test func everyMachineValueHasAChineseWord() {
        let groups: [(String, [String])] = [
            ("severity", Severity.allCases.map(\.rawValue)), ("decision", ["approve", "reject"]), ("disposition", ["block", "review", "fix"]),
            ("kind", FindingKind.vocabulary.map(\.rawValue)), ("doc_type", DocumentType.allCases.map(\.rawValue)),
            ("part", ContentPart.allCases.map(\.rawValue)), ("operation", OperationalSummary.Category.allCases.map(\.rawValue)),
            ("sweep_reason", Self.expiryReasons),
        ]
        for (group, values) in groups {
            for value in values { #expect(Self.zh.term(group, value) != nil, "zh.yaml: no terms.\(group).\(value)") }
        }
    }

    static var expiryReasons: [String] {
        (try? ExpiryRules.load(file: packageRoot.appendingPathComponent("Rules/expiry.yaml").path).triggers.map(\.reason)) ?? []
    }

    /// What the catalogues hold beyond the code and the rules is left over: a rule renamed, a
    /// sentence no longer said.
    @Test func nothingIsLeftOver() {
        let rules = Set(Self.codeRules).union(Self.scanRules.map(\.id)).union(Self.expiryIDs).union([MessageCatalogue.sharedSection])
        for catalogue in [Self.en, Self.zh] {
            for section in catalogue.sections {
                #expect(rules.contains(section), "\(catalogue.language).yaml: rules.\(section) is no rule pubgate has")
                for id in catalogue.messageIDs(section) where id != MessageCatalogue.defaultID {
                    #expect(Self.messageKeys.contains(section + "." + id), "\(catalogue.language).yaml: message \(section).\(id) is not used")
                }
            }
            for id in catalogue.textIDs { #expect(Self.textIDs.contains(id), "\(catalogue.language).yaml: text \(id) is not used") }
        }
    }

    /// The English of a finding made in code is the catalogue's, so the code holds no English
    /// message of its own that the catalogue could not translate.
    @Test func noFindingIsWrittenWithAnEnglishMessageInTheCode() {
        let re = try! NSRegularExpression(pattern: #"Finding\(\s*ruleID:[^()]*(?:\([^()]*\)[^()]*)*message: "[^"]"#)
        for (path, text) in Self.sources {
            let hits = re.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
            #expect(hits == 0, "\(path): a Finding with a literal message; give it a Message from Rules/messages")
        }
    }

    @Test func templatesFillArgumentsTermsListsAndTheWrappedMessage() {
        #expect(Self.zh.fill("{what|kind}按 {head}+{tail}", ["what": "mobile", "head": "3", "tail": "4"]) == "手机号码按 3+4")
        #expect(Self.zh.fill("{c|operation}", ["c": "route, time_window"]) == "路线、时段")
        #expect(Self.zh.fill("{missing} {x}", ["x": "{y}", "y": "no"]) == "{missing} {y}")
        let text = ReportText(catalogue: Self.zh, english: Self.en, rules: Self.scanRules)
        var f = Finding(
            ruleID: "pi_mobile", kind: .mobile, severity: .block,
            message: "an unmasked mobile number (a person's, unless the site lists it as an office number)")
        f.say(Message("shared.named_again", ["lines": "4, 9"]))
        #expect(f.message.hasSuffix("; named again on line 4, 9") && f.message.hasPrefix("an unmasked mobile"))
        #expect(text.message(f) == "未脱敏的手机号码（除本站列为办公电话者外，视为个人号码）；第 4, 9 行再次出现")
        // A rule a site added without a Chinese entry reads in English.
        let custom = Finding(ruleID: "site_rule", kind: .format, severity: .warn, message: "site's own message")
        #expect(text.message(custom) == "site's own message" && text.title(rule: "site_rule") == "site_rule")
        #expect(ReportText(catalogue: Self.en, english: Self.en, rules: []).message(f) == f.message)
    }
}
