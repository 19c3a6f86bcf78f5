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
public struct RuleScanner: Sendable {
    public let rules: RuleSet
    public let asOf: SimpleDate
    public let showMatches: Bool
    /// Digits of office numbers that are public: a mobile or landline match equal to one is dropped.
    public let publicNumbers: Set<String>
    /// Off only in tests that check the prefilter changes nothing: every rule over the whole text.
    let usesPrefilter: Bool

    public init(rules: RuleSet, asOf: SimpleDate, showMatches: Bool, publicNumbers: Set<String> = []) {
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

    /// Every rule over the document. Long for a reason: it is the scan's hot loop, one closure over
    /// the per-match state (counts per rule, the reader context, the masker); splitting it into
    /// named steps is left to the throughput work on this loop (issue 21), which must keep the
    /// instruction counts of Scripts/bench-instructions.sh.
    public func scan(_ document: ClassifiedDocument, trace: ScanTrace? = nil) -> [Finding] {
        guard let decoded = document.ingested.decoded, let lines = document.lineIndex else { return [] }
        let text = document.normalized
        let context = ValidationContext(asOf: asOf)
        let reader = ReaderContext(utf8: text.utf8)
        var findings: [Finding] = []
        // People the case rules found named in full (normalized name → the first finding and its
        // index), and where.
        var people: [String: (index: Int, finding: Finding)] = [:]
        var namedAt: Set<Int> = []
        var seen = Set<SeenMatch>()
        // Where the first lines end, found only when a header-only rule has a match to place.
        var firstLines: FirstLines?
        func headerEnd() -> FirstLines {
            if let firstLines { return firstLines }
            firstLines = FirstLines(text.utf8)
            return firstLines!
        }
        let candidates = usesPrefilter ? rules.prefilter.candidates(in: text.utf8) : nil
        for (index, compiled) in rules.rules.enumerated() {
            guard applies(compiled, to: document) else {
                trace?.skip(compiled.rule.id, "does not apply to this format, document type (\(document.docType.rawValue)) or content")
                continue
            }
            let confirmation = candidates == nil ? .document : rules.prefilter.confirmations[index]
            let ends = candidates?.ends[index] ?? []
            if case .unfiltered = confirmation {} else if candidates != nil && ends.isEmpty {
                trace?.skip(compiled.rule.id, "the prefilter found no candidate")
                continue
            }
            guard candidates?.keywordsPresent?[index] ?? passesKeywords(compiled, text.utf8) else {
                trace?.skip(compiled.rule.id, "none of its keywords (or required context words) occurs")
                continue
            }
            let rule = compiled.rule
            let group = rule.group ?? 0
            var listed = 0
            var unlisted = 0
            var unlistedSeverity: Severity?
            do {
                let onMatch: ([Range<Int>?]) -> Bool = { groups in
                    guard group < groups.count, let range = groups[group], !range.isEmpty else { return true }
                    let part = text.part(at: range.lowerBound)
                    let value = text.string(range)
                    let line = { lines.lineColumn(of: document.originalRange(of: range).lowerBound).line }
                    if let parts = rule.appliesTo?.parts, !parts.contains(part) {
                        trace?.drop(rule.id, line(), value, "in the \(part.rawValue), outside the parts it applies to")
                        return true
                    }
                    if let n = rule.appliesTo?.firstLines, decoded.isContinuation || range.lowerBound >= headerEnd().offset(afterNonEmptyLines: n) {
                        trace?.drop(rule.id, line(), value, "below the first \(n) lines it applies to")
                        return true
                    }
                    if let why = rejection(value, compiled: compiled, context: context) {
                        trace?.drop(rule.id, line(), value, why)
                        return true
                    }
                    if !publicNumbers.isEmpty, rule.kind == .mobile || rule.kind == .landline,
                        publicNumbers.contains(value.filter(\.isNumber))
                    {
                        trace?.drop(rule.id, line(), value, "a public office number (public_numbers)")
                        return true
                    }
                    var severity = rule.severity
                    if let ctx = rule.context {
                        let window = ctx.window ?? 20
                        let before = scalars(before: range.lowerBound, count: window, in: text.utf8)
                        let after = ctx.beforeOnly == true ? "" : scalars(after: range.upperBound, count: window, in: text.utf8)
                        let around = before + "\u{0}" + after
                        var sentence: String? = nil
                        for required in [ctx.requireAny, ctx.requireAlso].compactMap({ $0 }) where !required.contains(where: { around.contains($0) }) {
                            if ctx.sentence == true {
                                sentence = sentence ?? self.sentence(around: range, in: text.utf8)
                                if let sentence, required.contains(where: { sentence.contains($0) }) { continue }
                            }
                            trace?.drop(rule.id, line(), value, "none of its context words (\(required.prefix(3).joined(separator: ", ")) …) within \(window) characters")
                            return true
                        }
                        if let drop = ctx.dropIfAny, let word = drop.first(where: { around.contains($0) }) {
                            trace?.drop(rule.id, line(), value, "context word 「\(word)」 nearby drops it")
                            return true
                        }
                        var lowerAround = around
                        if let width = ctx.lowerWindow, width != window {
                            lowerAround = scalars(before: range.lowerBound, count: width, in: text.utf8) + "\u{0}"
                                + (ctx.beforeOnly == true ? "" : scalars(after: range.upperBound, count: width, in: text.utf8))
                        }
                        let owner = ctx.lowerUnlessBefore?.first { w in before.contains(w) } ?? ctx.lowerUnlessAfter?.first { w in after.contains(w) }
                        if let lower = ctx.lowerIfAny, ctx.lowerIn?.contains(document.docType) ?? true, owner == nil,
                            let word = lower.first(where: { lowerAround.contains($0) })
                        {
                            severity = ctx.lowerTo ?? .info
                            trace?.keep(rule.id, line(), value, "context word 「\(word)」 lowers it to \(severity.rawValue)")
                        }
                    }
                    if Self.numberKinds.contains(rule.kind), let header = text.column(at: range.lowerBound), ReaderContext.columnNamesAThing(header) {
                        trace?.drop(rule.id, line(), value, "in the table column 「\(header)」, which holds another kind of number")
                        return true
                    }
                    if rule.wordBounded, reader.crossesWords(range) {
                        trace?.drop(rule.id, line(), value, "inside a longer word (its start or end is not a word boundary)")
                        return true
                    }
                    if rule.lowersMentions, severity > .warn, let why = reader.mention(range) {
                        severity = .warn
                        trace?.keep(rule.id, line(), value, "a mention, not a disclosure: \(why); lowered to warn")
                    }
                    let original = document.originalRange(of: range)
                    guard seen.insert(SeenMatch(rule: index, start: original.lowerBound, end: original.upperBound)).inserted else { return true }
                    trace?.keep(rule.id, line(), value, "kept as \(rule.kind.rawValue) [\(severity.rawValue)]")
                    guard listed < Self.listedPerRule else {
                        unlisted += 1
                        unlistedSeverity = max(unlistedSeverity ?? severity, severity)
                        return true
                    }
                    listed += 1
                    let excerpt = Masker.excerpt(
                        before: scalars(before: range.lowerBound, count: 12, in: text.utf8), match: value,
                        after: scalars(after: range.upperBound, count: 12, in: text.utf8))
                    let finding = Finding(
                        ruleID: rule.id, kind: rule.kind, severity: severity, message: rule.message ?? rule.title,
                        part: part, location: lines.location(of: original).placed(text.place(at: range.lowerBound)), masked: Masker.mask(value),
                        excerpt: excerpt, match: showMatches ? UTF8Bytes.string(decoded.scalars[original]) : nil,
                        sources: rule.sources ?? [], remediation: rule.remediation)
                    if rule.kind == .casePerson, severity > .warn, Surnames.isPersonalName(value) {
                        if people[value] == nil { people[value] = (findings.count, finding) }
                        namedAt.insert(range.lowerBound)
                    }
                    findings.append(finding)
                    return true
                }
                if case .windows(let width) = confirmation {
                    let windows = Prefilter.windows(ends: ends, maxWidth: width)
                    try compiled.regex.forEachMatch(in: text.utf8, startingWithin: windows, validUTF8: true, onMatch)
                } else {
                    try compiled.regex.forEachMatch(in: text.utf8, validUTF8: true, onMatch)
                }
                if let severity = unlistedSeverity {
                    findings.append(
                        Finding(
                            ruleID: rule.id, kind: rule.kind, severity: severity,
                            text: Self.unlistedMessage(unlisted), sources: rule.sources ?? [], remediation: rule.remediation,
                            base: rule.message ?? rule.title))
                }
            } catch {
                findings.append(
                    Finding(
                        ruleID: rule.id, kind: .scanIncomplete, severity: .block,
                        text: Message("shared.scan_incomplete", ["rule": rule.id, "reason": error.message, "file": compiled.file])))
            }
        }
        if document.docType != .wanted {
            let names = PersonNameCheck(document: document)
            let (elsewhere, bodyLines) = names.repetitions(of: people.mapValues(\.finding), besides: namedAt)
            for (name, lines) in bodyLines where !lines.isEmpty {
                guard let first = people[name] else { continue }
                findings[first.index].say(Message("shared.named_again", ["lines": lines.map(String.init).joined(separator: ", ")]))
            }
            findings += elsewhere
            // Party fields are a decision's: the check reads a penalty or licence decision only.
            if document.docType == .penalty || document.docType == .licence {
                findings += names.inconsistentMasks(showMatches: showMatches)
                findings += names.partiesInTables(showMatches: showMatches)
            }
        }
        return findings
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

    private func applies(_ compiled: CompiledRule, to document: ClassifiedDocument) -> Bool {
        let scope = compiled.rule.appliesTo
        if let formats = scope?.formats, !formats.contains(document.ingested.format) { return false }
        if let types = scope?.docTypes, !types.contains(document.docType) { return false }
        if let types = scope?.exceptDocTypes, types.contains(document.docType) { return false }
        if let paths = compiled.rule.exclude?.paths, paths.contains(where: { document.ingested.path.contains($0) }) {
            return false
        }
        if !compiled.absentWords.isEmpty, compiled.absentWords.contains(where: { LiteralSearch.contains($0, in: document.normalized.utf8) }) {
            return false
        }
        if let pattern = compiled.absentPattern, ((try? pattern.firstMatch(in: document.normalized.utf8, validUTF8: true)) ?? nil) != nil {
            return false
        }
        return true
    }

    /// A rule's keywords searched one by one (when the prefilter could not take them): a document
    /// with none of them cannot hold a match.
    private func passesKeywords(_ compiled: CompiledRule, _ utf8: [UInt8]) -> Bool {
        guard !compiled.keywords.isEmpty else { return true }
        return compiled.keywords.contains { LiteralSearch.contains($0, in: utf8) }
    }

    /// Why a candidate is dropped by exclusions or its validator; nil keeps it.
    private func rejection(_ value: String, compiled: CompiledRule, context: ValidationContext) -> String? {
        if compiled.excludedValues.contains(value) { return "an excluded value" }
        if !compiled.exclusionPatterns.isEmpty {
            let bytes = Array(value.utf8)
            for pattern in compiled.exclusionPatterns where ((try? pattern.firstMatch(in: bytes, validUTF8: true)) ?? nil) != nil {
                return "matches the exclusion pattern \(pattern.pattern)"
            }
        }
        if let validator = compiled.validator, !validator(value, context) {
            return "the validator `\(compiled.rule.validator ?? "")` rejects it (checksum, date or format)"
        }
        return nil
    }

    private func scalars(before offset: Int, count: Int, in utf8: [UInt8]) -> String {
        var start = offset
        var n = 0
        while start > 0 && n < count {
            start -= 1
            while start > 0 && (utf8[start] & 0xC0) == 0x80 { start -= 1 }
            n += 1
        }
        return String(decoding: utf8[start..<offset], as: UTF8.self)
    }

    /// How far, in characters, a sentence is read each way from a match.
    static let sentenceReach = 300

    /// The sentence around `range`: back to the last 。！？；or line break before it, on to the next
    /// one after it, at most ``sentenceReach`` characters each way.
    private func sentence(around range: Range<Int>, in utf8: [UInt8]) -> String {
        let ends: Set<String> = ["。", "！", "？", "；", "!", "?", ";", "\n"]
        let before = scalars(before: range.lowerBound, count: Self.sentenceReach, in: utf8)
        let after = scalars(after: range.upperBound, count: Self.sentenceReach, in: utf8)
        let head = before.lastIndex { ends.contains(String($0)) }.map { before[before.index(after: $0)...] } ?? before[...]
        let tail = after.firstIndex { ends.contains(String($0)) }.map { after[..<$0] } ?? after[...]
        return String(head) + "\u{0}" + String(tail)
    }

    private func scalars(after offset: Int, count: Int, in utf8: [UInt8]) -> String {
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

/// A kept match, by rule and original span: the same match is listed once.
private struct SeenMatch: Hashable {
    let rule: Int
    let start: Int
    let end: Int
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
