import BytesKit
import Foundation
import PCRE2Kit
import TestSupport
import Testing
import VectorscanKit

@testable import PubGateCore

@Suite struct PrefilterTests {
    @Test func everyShippedRuleIsPrefiltered() {
        for (compiled, confirmation) in zip(shippedRules.rules, shippedRules.prefilter.confirmations) {
            if case .unfiltered(let reason) = confirmation { Issue.record("\(compiled.rule.id): \(reason)") }
        }
    }

    @Test func unicodePropertiesBecomeSupersetsForVectorscan() {
        #expect(Prefilter.vectorscanSyntax(#"[\p{sc:Han}·]{2,4}"#) == #"[\x{80}-\x{10FFFF}·]{2,4}"#)
        #expect(Prefilter.vectorscanSyntax(#"(?:\p{sc:Han}){1,4}路"#) == #"(?:[\x{80}-\x{10FFFF}]){1,4}路"#)
        #expect(Prefilter.vectorscanSyntax(#"\P{L}x"#) == #"[\x{0}-\x{10FFFF}]x"#)
        #expect(Prefilter.vectorscanSyntax(#"[]\p{Han}]"#) == #"[]\x{80}-\x{10FFFF}]"#)
        #expect(Prefilter.vectorscanSyntax(#"\\p{Han}"#) == #"\\p{Han}"#)
        #expect(Prefilter.vectorscanSyntax("a b", extended: true) == "(?x)a b")
    }

    /// Keywords ride in the prefilter's database: its gate says what searching each keyword says.
    @Test func keywordGateEqualsSearchingEachKeyword() throws {
        let rules = shippedRules.rules
        #expect(rules.contains { !$0.keywords.isEmpty })
        var texts = rules.flatMap { $0.rule.examples.match.map(\.text) + $0.rule.examples.noMatch }
        texts.append(rules.flatMap { $0.rule.examples.match.map(\.text) }.joined(separator: "\n"))
        // Each keyword alone far into a text (a one-byte keyword past the 64th byte was missed).
        for keyword in Set(rules.flatMap { $0.rule.keywords ?? [] }) {
            texts.append(String(repeating: "会议要求，", count: 40) + keyword + "。")
        }
        for text in texts {
            let bytes = Normalizer().normalize(text)
            let present = try #require(shippedRules.prefilter.candidates(in: bytes)?.keywordsPresent)
            for (i, rule) in rules.enumerated() {
                let searched = rule.keywords.isEmpty || rule.keywords.contains { LiteralSearch.contains($0, in: bytes) }
                #expect(present[i] == searched, "\(rule.rule.id) on \(text)")
            }
        }
    }

    /// Only expressions that cannot match a non-ASCII character go to the ASCII-run lane.
    @Test func asciiOnlyExpressionsAreRecognisedConservatively() {
        for ascii in [
            #"(?<![0-9])1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])"#, #"[A-Za-z0-9._%+-]+@[a-z]+\.[A-Za-z]{2,}"#,
            #"(?i)api[_-]?key[ \t"']*[:=]"#, #"^[ \t]*[0-9]{6}[ \t]*$"#, #"[]a]\x41\x{7f}\s\d\w\b"#, #"[.]x"#,
        ] {
            #expect(ASCIIRuns.matchesOnlyASCII(ascii), "\(ascii)")
        }
        for other in [
            "密码[:=]", #"a.b"#, #"[^0-9]x"#, #"\S+"#, #"\D"#, #"\x{80}"#, #"\xC3"#, #"[\x{80}-\x{10FFFF}]"#,
            #"\p{Han}"#, #"(a)\1"#, #"(*UCP)\d"#, #"\Qx\E"#, #"\h"#, #"[abc"#,
        ] {
            #expect(!ASCIIRuns.matchesOnlyASCII(other), "\(other)")
        }
        let digitRules = shippedRules.rules.filter { ["pi_resident_id_18", "pi_mobile", "pi_bank_card"].contains($0.rule.id) }
        #expect(digitRules.count == 3)
        for rule in digitRules {
            #expect(ASCIIRuns.matchesOnlyASCII(Prefilter.vectorscanSyntax(rule.rule.pattern)), "\(rule.rule.id)")
        }
    }

    @Test func asciiRunsMapBackToTheText() {
        let text = Array("中123456文ab中abcdefg".utf8)
        let runs = ASCIIRuns(of: text, minLength: 3)
        #expect(runs.bytes == Array("123456\nabcdefg\n".utf8))
        // "456" ends at buffer offset 6 → text 3 + 6; "efg" at buffer 14, 7 into the run at text 17.
        #expect(runs.textOffset(ofEnd: 6) == 9)
        #expect(runs.textOffset(ofEnd: 14) == 24)
        #expect(ASCIIRuns(of: Array("abc".utf8), minLength: 3).bytes == Array("abc\n".utf8))
        #expect(ASCIIRuns(of: Array("中文".utf8), minLength: 1).bytes.isEmpty)
    }

    @Test func overlappingWindowsMerge() {
        #expect(Prefilter.windows(ends: [20, 25, 60], maxWidth: 10) == [10...25, 50...60])
        #expect(Prefilter.windows(ends: [5], maxWidth: 10) == [0...5])
    }

    /// A line window starts after the (N+1)-th line break before the hit; a window reaching the
    /// previous one is merged with it.
    @Test func lineWindowsStartAfterTheLineBreaksAMatchCanHold() {
        let text = Array("ab\ncd\nef\ngh".utf8)  // line breaks at 2, 5, 8
        #expect(Prefilter.windows(ends: [7], maxBreaks: 0, in: text) == [6...7])
        #expect(Prefilter.windows(ends: [7], maxBreaks: 1, in: text) == [3...7])
        #expect(Prefilter.windows(ends: [7], maxBreaks: 5, in: text) == [0...7])
        #expect(Prefilter.windows(ends: [1, 10, 11], maxBreaks: 0, in: text) == [0...1, 9...11])
        #expect(Prefilter.windows(ends: [4, 7], maxBreaks: 1, in: text) == [0...7])
        #expect(Prefilter.windows(ends: [3], maxBreaks: 0, in: text) == [3...3])
    }

    /// Every shipped rule is confirmed in windows of bytes or lines, but the one that says it
    /// needs the whole document; loading them warns of nothing about it.
    @Test func everyShippedRuleIsBoundedOrSaysItNeedsTheWholeDocument() {
        for (compiled, confirmation) in zip(shippedRules.rules, shippedRules.prefilter.confirmations) {
            if case .document = confirmation {
                #expect(compiled.rule.needsWholeDocument == true, "\(compiled.rule.id)")
            } else {
                #expect(compiled.rule.needsWholeDocument == nil, "\(compiled.rule.id)")
            }
        }
        #expect(shippedRules.prefilter.confirmations.filter { $0 == .document }.count == 2)
        #expect(!shippedRules.warnings.contains { $0.message.contains("needs_whole_document") })
    }

    @Test func anUnboundedRuleThatDoesNotSaySoIsAWarning() throws {
        func load(_ pattern: String, declared: Bool) throws -> RuleSet {
            let yaml =
                "version: 1\nrules:\n  - id: open\n    title: t\n    kind: format\n    severity: fix\n    pattern: '\(pattern)'\n"
                + (declared ? "    needs_whole_document: true\n" : "") + "    examples: {match: ['起\\n\\n止']}\n"
            let rule = try RuleSet.parse(yaml, file: "f.yaml")!.0.rules[0]
            return RuleSet(rules: [try CompiledRule(rule: rule, file: "f.yaml", limits: .init())], warnings: [])
        }
        let open = try load(#"起[\s]*止"#, declared: false)
        #expect(open.prefilter.confirmations == [.document])
        #expect(open.warnings.count == 1 && open.warnings[0].message.contains("needs_whole_document"))
        #expect(try load(#"起[\s]*止"#, declared: true).warnings.isEmpty)
        let bounded = try load(#"起[ \t]*止"#, declared: true)
        #expect(bounded.prefilter.confirmations == [.lines(maxBreaks: 0)])
        #expect(bounded.warnings.count == 1 && bounded.warnings[0].message.contains("is confirmed in windows"))
    }

    @Test func aRuleVectorscanCannotCompileFallsBackToPCRE2() throws {
        let rule = try RuleSet.parse(
            "version: 1\nrules:\n  - id: keep_out\n    title: t\n    kind: format\n    severity: fix\n    pattern: '编号\\K[0-9]{4}'\n    examples: {match: ['编号1111']}\n",
            file: "f.yaml")!.0.rules[0]
        let set = RuleSet(rules: [try CompiledRule(rule: rule, file: "f.yaml", limits: .init())], warnings: [])
        guard case .unfiltered = set.prefilter.confirmations[0] else {
            Issue.record("expected a PCRE2-only rule, got \(set.prefilter.confirmations[0])")
            return
        }
        #expect(scan(Array("编号2222 和 1234".utf8), name: "a.txt", rules: set).1.map(\.ruleID) == ["keep_out"])
    }

    @Test func theCompiledDatabaseIsCachedAndADamagedCacheIsRebuilt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-cache-\(lettersOnlyName())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = PrefilterCache(directory: dir)
        let text = Array("身份证号11010519491231002X，电话13800138000".utf8)
        let compiled = Prefilter(rules: shippedRules.rules, cache: cache)
        // The rules' two databases (whole text with the keywords, ASCII runs) and the rules' widths.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(files.count == 3 && files.allSatisfy { $0.hasPrefix("prefilter-") })
        #expect(files.filter { $0.hasSuffix(".widths") }.count == 1)
        let loaded = Prefilter(rules: shippedRules.rules, cache: cache)
        #expect(loaded.confirmations == compiled.confirmations)
        #expect(loaded.candidates(in: text) == compiled.candidates(in: text))
        for file in files { try Data("damaged".utf8).write(to: URL(fileURLWithPath: dir + "/" + file)) }
        #expect(
            Prefilter(rules: shippedRules.rules, cache: cache).candidates(in: text)
                == compiled.candidates(in: text))
    }

    @Test func cachedWidthsReadBackAsComputedAndAnythingElseIsRefused() {
        let widths: [Result<PatternDatabase.Widths, PrefilterCache.Unparsable>] = [
            .success(.init(minWidth: 3, maxWidth: 18)), .success(.init(minWidth: 1, maxWidth: nil)),
            .failure(.init(message: "Unsupported\ncomponent")),
        ]
        let text = PrefilterCache.formatWidths(widths)
        let read = PrefilterCache.parseWidths(Data(text.utf8), count: 3)
        #expect(read?.count == 3)
        #expect(read.map { (try? $0[0].get()) == PatternDatabase.Widths(minWidth: 3, maxWidth: 18) } == true)
        #expect(read.map { (try? $0[1].get()) == PatternDatabase.Widths(minWidth: 1, maxWidth: nil) } == true)
        #expect(read.map { if case .failure(let e) = $0[2] { e.message == "Unsupported component" } else { false } } == true)
        #expect(PrefilterCache.parseWidths(Data(text.utf8), count: 4) == nil)
        for damaged in ["w 3 18\nw 1 -\n", "w 3 2\nw 1 -\ne x\n", "w 3 18\nw -1 -\ne x\n", "w 3 18\nw 1 -\ne x"] {
            #expect(PrefilterCache.parseWidths(Data(damaged.utf8), count: 3) == nil, "\(damaged)")
        }
    }

    /// The prefilter is an optimisation only: every finding of a whole-text scan, nothing more.
    @Test func prefilteredScanEqualsTheWholeTextScan() async throws {
        var texts: [(String, [UInt8])] = []
        let drafts = packageRoot.appendingPathComponent("Samples/drafts")
        for name in try FileManager.default.contentsOfDirectory(atPath: drafts.path).sorted() {
            texts.append((name, Array(try Data(contentsOf: drafts.appendingPathComponent(name)))))
        }
        // Every rule's examples, glued together and next to digit runs that defeat the lookarounds.
        var generator = SeededRandom(seed: 115)
        var glued = ""
        for compiled in shippedRules.rules {
            for example in compiled.rule.examples.match.map(\.text) + compiled.rule.examples.noMatch {
                let digits = String((0..<Int.random(in: 1...24, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
                glued += example + [" ", "\n", digits, "，", ""].randomElement(using: &generator)!
            }
        }
        texts.append(("examples.txt", Array(glued.utf8)))
        // The samples' PDFs are read by poppler, waited for off Swift's pool.
        let documents = await OwnThreads.run { [texts] in
            texts.map { name, bytes in (name, shippedClassifier.classify(IngestStage().run(RawInput(path: name, bytes: bytes)))) }
        }
        for (name, document) in documents {
            let fast = RuleScanner(rules: shippedRules, asOf: reviewDate, showMatches: true, publicNumbers: [], usesPrefilter: true)
            let slow = RuleScanner(rules: shippedRules, asOf: reviewDate, showMatches: true, publicNumbers: [], usesPrefilter: false)
            let key = { (f: Finding) in "\(f.ruleID)@\(f.location?.byteStart ?? -1)-\(f.location?.byteEnd ?? -1)" }
            #expect(fast.scan(document).map(key).sorted() == slow.scan(document).map(key).sorted(), "\(name)")
        }
    }
}

@Suite struct ASCIIRunsTests {
    /// The runs are the maximal ASCII runs a byte-by-byte walk finds.
    @Test(arguments: 0..<30) func runsAreTheMaximalRunsOfAByteWalk(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        let alphabet: [UInt8] = [0x31, 0x41, 0x20, 0x0A, 0xE4, 0xB8, 0x80, 0xFF]
        let text = (0..<(40 + 29 * seed)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        for minLength in [1, 2, 3, 6] {
            var expected: [UInt8] = []
            var i = 0
            while i < text.count {
                guard text[i] < 0x80 else {
                    i += 1
                    continue
                }
                let start = i
                while i < text.count, text[i] < 0x80 { i += 1 }
                if i - start >= minLength { expected += text[start..<i] + [0x0A] }
            }
            #expect(ASCIIRuns(of: text, minLength: minLength).bytes == expected, "minLength \(minLength)")
        }
    }
}
