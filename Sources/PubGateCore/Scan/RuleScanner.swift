import BytesKit
import EncodingKit
import PCRE2Kit

/// Stage 3: runs every applicable rule over a document's normalized text and turns the surviving
/// matches into findings located in the original file.
///
/// One prefilter pass finds every rule's candidates (``Prefilter``); PCRE2 then confirms exact spans
/// only where a rule can match. Order per match: scope (part, first lines) → exclusions →
/// validator → context words. A rule that
/// hits a PCRE2 resource limit yields a `scan_incomplete` finding, which rejects the document: a scan
/// that did not finish must never look like a clean one.
struct RuleScanner: Sendable {
    let rules: RuleSet
    let asOf: SimpleDate
    let showMatches: Bool
    /// Digits of office numbers that are public: a mobile or landline match equal to one is dropped.
    let publicNumbers: Set<String>
    /// Off only in tests that check the prefilter changes nothing: every rule over the whole text.
    let usesPrefilter: Bool

    init(rules: RuleSet, asOf: SimpleDate, showMatches: Bool, publicNumbers: Set<String> = []) {
        self.init(rules: rules, asOf: asOf, showMatches: showMatches, publicNumbers: publicNumbers, usesPrefilter: true)
    }

    init(rules: RuleSet, asOf: SimpleDate, showMatches: Bool, publicNumbers: Set<String>, usesPrefilter: Bool) {
        self.rules = rules
        self.asOf = asOf
        self.showMatches = showMatches
        self.publicNumbers = publicNumbers
        self.usesPrefilter = usesPrefilter
    }

    /// Findings listed per rule and document; further matches are counted in one more finding
    /// with the strictest severity among them. A 名单 or data dump holding tens of thousands of
    /// numbers is rejected by its first matches already, and listing all of them made one 8 MB
    /// file need 300 MB and a 43 MB manifest entry.
    static let listedPerRule = 1000

    /// Every rule over the document: those that apply to it and can match (the prefilter found a
    /// candidate, a keyword occurs) run one by one (``ScanPass``), then the checks of the page's
    /// names as a whole.
    func scan(_ document: ClassifiedDocument, trace: ScanTrace? = nil) -> [Finding] {
        guard let decoded = document.ingested.decoded, let lines = document.lineIndex else { return [] }
        var pass = ScanPass(scanner: self, document: document, decoded: decoded, lines: lines, trace: trace)
        let candidates = usesPrefilter ? rules.prefilter.candidates(in: document.normalized.utf8) : nil
        // Made at most once per document, for the rules whose scope reads it.
        var ownText: [UInt8]?
        let dump = ScanCorpusDump.standard
        var applying: [Int] = []
        defer {
            if let dump {
                dump.write(rules: rules.rules, confirmations: rules.prefilter.confirmations)
                dump.write(text: document.normalized.utf8, applying: applying)
            }
        }
        for (index, compiled) in rules.rules.enumerated() {
            guard applies(compiled, to: document, ownText: &ownText) else {
                trace?.skip(compiled.rule.id, Reason.text("trace.out_of_scope", ["type": document.docType.rawValue]))
                continue
            }
            if dump != nil { applying.append(index) }
            let confirmation = candidates == nil ? .document : rules.prefilter.confirmations[index]
            let ends = candidates?.ends[index] ?? []
            if case .unfiltered = confirmation {
            } else if candidates != nil && ends.isEmpty {
                trace?.skip(compiled.rule.id, Reason.text("trace.no_candidate"))
                continue
            }
            guard candidates?.keywordsPresent?[index] ?? passesKeywords(compiled, document.normalized.utf8) else {
                trace?.skip(compiled.rule.id, Reason.text("trace.no_keyword"))
                continue
            }
            pass.run(compiled, index: index, confirmation: confirmation, ends: ends)
        }
        pass.checkNames()
        return pass.findings
    }

    /// Kinds whose matches are digit runs a checksum proves little about: a table column says what
    /// the number is. (An 18-digit ID passes checksum, date and region; it is read wherever it stands.)
    static let numberKinds: Set<FindingKind> = [.mobile, .bankCard, .landline]

    /// The message of the finding that counts a rule's unlisted matches (it wraps the rule's own).
    static func unlistedMessage(_ count: Int) -> Message {
        Message("shared.more_matches", ["count": String(count), "listed": String(listedPerRule)])
    }

    /// How many matches a finding of ``unlistedMessage(_:)`` counts; nil for any other finding.
    static func unlistedCount(_ finding: Finding) -> Int? {
        guard finding.location == nil, finding.messageKey == unlistedMessage(0).key else { return nil }
        return finding.messageArgs["count"].flatMap { Int($0) }
    }

    /// A finding counting `count` unlisted matches of `finding`'s rule (itself a listed finding of
    /// it, or a count made for part of the text).
    static func unlistedFinding(like finding: Finding, count: Int, severity: Severity) -> Finding {
        Finding(
            ruleID: finding.ruleID, kind: finding.kind, severity: severity, text: unlistedMessage(count), sources: finding.sources,
            remediation: finding.remediation, base: finding.wrappedMessage)
    }

    // MARK: - Helpers

    /// Parts besides the body that are the document's own (its metadata, front matter, an office
    /// file's headers and properties), unlike the markup a site's template adds.
    static let documentParts: Set<ContentPart> = [.title, .meta, .frontMatter, .header, .footer, .footnote, .textBox, .property, .annotation]

    /// What the document says, not what the site's template adds: its content lines (page chrome
    /// left out) and its own other parts, as UTF-8.
    static func ownText(of document: ClassifiedDocument) -> [UInt8] {
        let fields = document.lines.filter { documentParts.contains($0.part) }
        return Array((document.contentLines + fields).map(\.text).joined(separator: "\n").utf8)
    }

    private func applies(_ compiled: CompiledRule, to document: ClassifiedDocument, ownText: inout [UInt8]?) -> Bool {
        let scope = compiled.rule.appliesTo
        if let formats = scope?.formats, !formats.contains(document.ingested.format) { return false }
        if let types = scope?.docTypes, !types.contains(document.docType) { return false }
        if let types = scope?.exceptDocTypes, types.contains(document.docType) { return false }
        if let paths = compiled.rule.exclude?.paths, paths.contains(where: { document.ingested.path.contains($0) }) {
            return false
        }
        guard !compiled.absentWords.isEmpty || !compiled.absentFacts.isEmpty else { return true }
        // What the document says, not what the site's template adds: a footer's 技术支持：…有限公司
        // does not make a decision's party a business.
        func content() -> [UInt8] {
            if let ownText { return ownText }
            let text = Self.ownText(of: document)
            ownText = text
            return text
        }
        if !compiled.absentWords.isEmpty, compiled.absentWords.contains(where: { LiteralSearch.contains($0, in: content()) }) {
            return false
        }
        return !compiled.absentFacts.contains { $0.holds(title: document.normalizedTitle, ownText: content) }
    }

    /// A rule's keywords searched one by one (when the prefilter could not take them): a document
    /// with none of them cannot hold a match.
    private func passesKeywords(_ compiled: CompiledRule, _ utf8: [UInt8]) -> Bool {
        guard !compiled.keywords.isEmpty else { return true }
        return compiled.keywords.contains { LiteralSearch.contains($0, in: utf8) }
    }

    /// Why a candidate is dropped by exclusions or its validator; nil keeps it.
    func rejection(_ value: String, compiled: CompiledRule, context: ValidationContext) -> Reason? {
        if compiled.excludedValues.contains(value) { return Reason.text("trace.excluded_value") }
        if !compiled.exclusionPatterns.isEmpty {
            let bytes = Array(value.utf8)
            for pattern in compiled.exclusionPatterns where ((try? pattern.firstMatch(in: bytes, validUTF8: true)) ?? nil) != nil {
                return Reason.text("trace.exclusion_pattern", ["pattern": pattern.pattern])
            }
        }
        if let validator = compiled.validator, !validator(value, context) {
            return Reason.text("trace.validator", ["validator": compiled.rule.validator ?? ""])
        }
        return nil
    }

    func scalars(before offset: Int, count: Int, in utf8: [UInt8]) -> String {
        var start = offset
        var n = 0
        while start > 0 && n < count {
            start -= 1
            while start > 0 && (utf8[start] & 0xC0) == 0x80 { start -= 1 }
            n += 1
        }
        return String(decoding: utf8[start..<offset], as: UTF8.self)
    }

    /// What ends a sentence for ``sentence(around:in:)``.
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?", ";", "\n"]

    /// How far, in characters, a sentence is read each way from a match.
    static let sentenceReach = 300

    /// The sentence around `range`: back to the last 。！？；or line break before it, on to the next
    /// one after it, at most ``sentenceReach`` characters each way.
    func sentence(around range: Range<Int>, in utf8: [UInt8]) -> String {
        let before = scalars(before: range.lowerBound, count: Self.sentenceReach, in: utf8)
        let after = scalars(after: range.upperBound, count: Self.sentenceReach, in: utf8)
        let head = before.lastIndex { Self.sentenceEnds.contains($0) }.map { before[before.index(after: $0)...] } ?? before[...]
        let tail = after.firstIndex { Self.sentenceEnds.contains($0) }.map { after[..<$0] } ?? after[...]
        return String(head) + "\u{0}" + String(tail)
    }

    func scalars(after offset: Int, count: Int, in utf8: [UInt8]) -> String {
        var end = offset
        var n = 0
        while end < utf8.count && n < count {
            end += 1
            while end < utf8.count && (utf8[end] & 0xC0) == 0x80 { end += 1 }
            n += 1
        }
        return String(decoding: utf8[offset..<end], as: UTF8.self)
    }
}

/// Byte offsets where the first N non-empty lines of a text end (for header-only rules).
struct FirstLines {
    private let ends: [Int]

    init(_ utf8: [UInt8], limit: Int = 64) {
        var ends: [Int] = []
        var nonEmpty = false
        for (i, b) in utf8.enumerated() {
            if b == 0x0A {
                if nonEmpty { ends.append(i) }
                if ends.count >= limit { break }
                nonEmpty = false
            } else if b != 0x20 && b != 0x09 {
                nonEmpty = true
            }
        }
        if nonEmpty && ends.count < limit { ends.append(utf8.count) }
        self.ends = ends
    }

    func offset(afterNonEmptyLines n: Int) -> Int {
        guard n > 0 else { return 0 }
        return n <= ends.count ? ends[n - 1] + 1 : Int.max
    }
}
