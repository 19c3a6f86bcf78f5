/// Runs every rule's examples through the real ingest, classify and scan stages.
///
/// A `match` example must give at least one finding of its rule (with exactly the `expect` text
/// when given); a `no_match` example must give none. Used by `pubgate rules check` and the tests.
public struct RuleExampleChecker: Sendable {
    let rules: RuleSet
    let classifier: Classifier
    let asOf: SimpleDate

    public init(rules: RuleSet, classifier: Classifier, asOf: SimpleDate = SimpleDate.today()) {
        self.rules = rules
        self.classifier = classifier
        self.asOf = asOf
    }

    /// One line per failing example, naming the file and the rule.
    public func failures() -> [String] {
        var failures: [String] = []
        for compiled in rules.rules {
            let single = RuleSet(rules: [compiled], warnings: [])
            let rule = compiled.rule
            for example in rule.examples.match {
                let found = matches(example.text, rules: single)
                if found.isEmpty {
                    failures.append("\(compiled.file): rule `\(rule.id)`: no match in example \(quoted(example.text))")
                } else if let expect = example.expect, !found.contains(expect) {
                    failures.append(
                        "\(compiled.file): rule `\(rule.id)`: expected \(quoted(expect)) in example \(quoted(example.text)), got \(found.map(quoted).joined(separator: ", "))"
                    )
                }
            }
            for text in rule.examples.noMatch where !matches(text, rules: single).isEmpty {
                failures.append("\(compiled.file): rule `\(rule.id)`: unexpected match in no_match example \(quoted(text))")
            }
        }
        return failures
    }

    /// The original texts the rules match in `text`, reviewed as a plain-text document — of the
    /// first document type a rule is scoped to, when it is scoped (an example is a snippet, not a
    /// whole 处罚决定书).
    func matches(_ text: String, rules: RuleSet) -> [String] {
        let ingested = IngestStage().run(RawInput(path: "example.txt", bytes: Array(text.utf8)))
        var classified = classifier.classify(ingested)
        if let type = rules.rules.first?.rule.appliesTo?.docTypes?.first { classified.docType = type }
        let scanner = RuleScanner(rules: rules, asOf: asOf, showMatches: true)
        return scanner.scan(classified).filter { $0.kind != .scanIncomplete }.compactMap(\.match)
    }

    private func quoted(_ s: String) -> String { "\"\(s)\"" }
}
