import EncodingKit
import PCRE2Kit

/// One document's scan by ``RuleScanner``: the rules run one at a time over its normalized text,
/// each match judged in order — scope (part, first lines) → exclusions → validator → public
/// numbers → context words → table column → word boundaries → mention — and the survivors listed
/// as findings located in the original file.
///
/// It holds what the matches of every rule share: the findings so far, the people the case rules
/// found named in full (for ``PersonNameCheck`` afterwards), the spans already listed.
struct ScanPass {
    let scanner: RuleScanner
    let document: ClassifiedDocument
    let decoded: DecodedText
    let lines: LineIndex
    let trace: ScanTrace?
    let text: NormalizedText
    let context: ValidationContext
    let reader: ReaderContext
    private(set) var findings: [Finding] = []
    /// People the case rules found named in full: normalized name → the first finding and its
    /// index in `findings`.
    private(set) var people: [String: (index: Int, finding: Finding)] = [:]
    /// Where those names stand (normalized offsets).
    private(set) var namedAt: Set<Int> = []
    private var seen = Set<SeenMatch>()
    /// Where the first lines end, found only when a header-only rule has a match to place.
    private var firstLines: FirstLines?

    init(scanner: RuleScanner, document: ClassifiedDocument, decoded: DecodedText, lines: LineIndex, trace: ScanTrace?) {
        self.scanner = scanner
        self.document = document
        self.decoded = decoded
        self.lines = lines
        self.trace = trace
        text = document.normalized
        context = ValidationContext(asOf: scanner.asOf)
        reader = ReaderContext(utf8: document.normalized.utf8)
    }

    /// Runs the rule at `index` where the prefilter says it can match (`ends`, confirmed as
    /// `confirmation` says); at most ``RuleScanner/listedPerRule`` findings are listed, the rest
    /// counted in one more. A rule that hits a PCRE2 limit is a `scan_incomplete` finding instead.
    mutating func run(_ compiled: CompiledRule, index: Int, confirmation: Confirmation, ends: [Int]) {
        let rule = compiled.rule
        let group = rule.group ?? 0
        var listed = 0
        var unlisted = 0
        var unlistedSeverity: Severity?
        do {
            let onMatch: ([Range<Int>?]) -> Bool = { groups in
                guard group < groups.count, let range = groups[group], !range.isEmpty, inScope(range, rule: rule) else { return true }
                // The matched text is made only for a match in the rule's scope.
                let value = text.string(range)
                guard let severity = judge(range, value: value, compiled: compiled) else { return true }
                let original = document.originalRange(of: range)
                guard seen.insert(SeenMatch(rule: index, start: original.lowerBound, end: original.upperBound)).inserted else { return true }
                trace?.keep(
                    rule.id, line(of: range), value, Reason.text("trace.kept", ["kind": rule.kind.rawValue, "severity": severity.rawValue]))
                guard listed < RuleScanner.listedPerRule else {
                    unlisted += 1
                    unlistedSeverity = max(unlistedSeverity ?? severity, severity)
                    return true
                }
                listed += 1
                list(range, original: original, value: value, rule: rule, severity: severity)
                return true
            }
            switch confirmation {
            case .windows(let width):
                let windows = Prefilter.windows(ends: ends, maxWidth: width)
                try compiled.regex.forEachMatch(in: text.utf8, startingWithin: windows, validUTF8: true, onMatch)
            case .lines(let breaks):
                let windows = Prefilter.windows(ends: ends, maxBreaks: breaks, in: text.utf8)
                try compiled.regex.forEachMatch(in: text.utf8, startingWithin: windows, validUTF8: true, onMatch)
            case .document, .unfiltered:
                try confirmWholeDocument(compiled, onMatch)
            }
            if let severity = unlistedSeverity {
                findings.append(
                    Finding(
                        ruleID: rule.id, kind: rule.kind, severity: severity,
                        text: RuleScanner.unlistedMessage(unlisted), sources: rule.sources ?? [], remediation: rule.remediation,
                        base: rule.message ?? rule.title))
            }
        } catch {
            findings.append(
                Finding(
                    ruleID: rule.id, kind: .scanIncomplete, severity: .block,
                    text: Message("shared.scan_incomplete", ["rule": rule.id, "reason": error.message, "file": compiled.file])))
        }
    }

    /// PCRE2 over the whole text, for a rule whose matches have no bound (`needs_whole_document`)
    /// or that Vectorscan cannot compile; a function of its own so that the benchmark's profile
    /// shows what these rules cost.
    @inline(never)
    private func confirmWholeDocument(_ compiled: CompiledRule, _ onMatch: ([Range<Int>?]) -> Bool) throws(PCRE2Error) {
        try compiled.regex.forEachMatch(in: text.utf8, validUTF8: true, onMatch)
    }

    /// Whether the match stands where the rule applies (its parts, its first lines); the trace
    /// says why not.
    private mutating func inScope(_ range: Range<Int>, rule: Rule) -> Bool {
        guard let scope = rule.appliesTo else { return true }
        if let parts = scope.parts, case let part = text.part(at: range.lowerBound), !parts.contains(part) {
            _ = drop(rule, range, text.string(range), Reason.text("trace.outside_parts", ["part": part.rawValue]))
            return false
        }
        if let n = scope.firstLines, decoded.isContinuation || range.lowerBound >= headerEnd().offset(afterNonEmptyLines: n) {
            _ = drop(rule, range, text.string(range), Reason.text("trace.below_first_lines", ["lines": String(n)]))
            return false
        }
        return true
    }

    /// The severity of a match in scope once every other check has passed (a context word may
    /// lower it), or nil when a check drops it; the trace says which.
    private mutating func judge(_ range: Range<Int>, value: String, compiled: CompiledRule) -> Severity? {
        let rule = compiled.rule
        if let why = scanner.rejection(value, compiled: compiled, context: context) { return drop(rule, range, value, why) }
        if !scanner.publicNumbers.isEmpty, rule.kind == .mobile || rule.kind == .landline, scanner.publicNumbers.contains(value.filter(\.isNumber)) {
            return drop(rule, range, value, Reason.text("trace.public_number"))
        }
        var severity = rule.severity
        if let ctx = rule.context {
            guard let judged = judgeContext(ctx, range, value: value, rule: rule) else { return nil }
            severity = judged
        }
        if RuleScanner.numberKinds.contains(rule.kind), let header = text.column(at: range.lowerBound), ReaderContext.columnNamesAThing(header) {
            return drop(rule, range, value, Reason.text("trace.other_number_column", ["column": header]))
        }
        if rule.wordBounded, reader.crossesWords(range) {
            return drop(rule, range, value, Reason.text("trace.inside_word"))
        }
        if rule.lowersMentions, severity > .warn, let why = reader.mention(range) {
            severity = .warn
            trace?.keep(rule.id, line(of: range), value, why)
        }
        return severity
    }

    /// The rule's context words around the match: nil drops it (a required word missing, a
    /// dropping word present); else its severity, lowered when a lowering word stands near.
    private func judgeContext(_ ctx: RuleContext, _ range: Range<Int>, value: String, rule: Rule) -> Severity? {
        let window = ctx.window ?? 20
        let before = scanner.scalars(before: range.lowerBound, count: window, in: text.utf8)
        let after = ctx.beforeOnly == true ? "" : scanner.scalars(after: range.upperBound, count: window, in: text.utf8)
        // A table cell's label is its column's header (身份证号 above a column of numbers), however
        // many cells stand between them in the text.
        let header = text.column(at: range.lowerBound).map { "\u{0}" + $0 } ?? ""
        let around = before + "\u{0}" + after + header
        // With `sentence`, a required word may stand anywhere in the match's sentence.
        var sentence: String? = nil
        for required in [ctx.requireAny, ctx.requireAlso].compactMap({ $0 }) where !required.contains(where: { around.contains($0) }) {
            if ctx.sentence == true {
                sentence = sentence ?? scanner.sentence(around: range, in: text.utf8)
                if let sentence, required.contains(where: { sentence.contains($0) }) { continue }
            }
            return drop(
                rule, range, value,
                Reason.text("trace.no_context_word", ["words": required.prefix(3).joined(separator: ", "), "window": String(window)]))
        }
        if let dropping = ctx.dropIfAny {
            // With `sentence`, the sentence is the context both ways: a dropping word anywhere in
            // it (a quota's 招聘 that opens the list of posts) drops the match as a required one keeps it.
            if ctx.sentence == true, !dropping.contains(where: { around.contains($0) }) {
                sentence = sentence ?? scanner.sentence(around: range, in: text.utf8)
            }
            let context = ctx.sentence == true ? (sentence ?? "") + "\u{0}" + around : around
            if let word = dropping.first(where: { context.contains($0) }) {
                return drop(rule, range, value, Reason.text("trace.context_drops", ["word": word]))
            }
        }
        var lowerAround = around
        if let width = ctx.lowerWindow, width != window {
            lowerAround =
                scanner.scalars(before: range.lowerBound, count: width, in: text.utf8) + "\u{0}"
                + (ctx.beforeOnly == true ? "" : scanner.scalars(after: range.upperBound, count: width, in: text.utf8))
        }
        let owner = ctx.lowerUnlessBefore?.first { w in before.contains(w) } ?? ctx.lowerUnlessAfter?.first { w in after.contains(w) }
        if let lower = ctx.lowerIfAny, ctx.lowerIn?.contains(document.docType) ?? true, owner == nil,
            let word = lower.first(where: { lowerAround.contains($0) })
        {
            let severity = ctx.lowerTo ?? .info
            trace?.keep(
                rule.id, line(of: range), value, Reason.text("trace.context_lowers", ["word": word, "severity": severity.rawValue]))
            return severity
        }
        if let facts = ctx.lowerIfDocumentShows, owner == nil,
            let fact = facts.first(where: { $0.holds(title: document.normalizedTitle, ownText: { RuleScanner.ownText(of: document) }) })
        {
            let severity = ctx.lowerTo ?? .info
            trace?.keep(
                rule.id, line(of: range), value, Reason.text("trace.document_lowers", ["fact": fact.rawValue, "severity": severity.rawValue]))
            return severity
        }
        return rule.severity
    }

    /// Lists a kept match as a finding (masked, with its excerpt), and remembers a person a case
    /// rule found named in full.
    private mutating func list(_ range: Range<Int>, original: Range<Int>, value: String, rule: Rule, severity: Severity) {
        let excerpt = Masker.excerpt(
            before: scanner.scalars(before: range.lowerBound, count: 12, in: text.utf8), match: value,
            after: scanner.scalars(after: range.upperBound, count: 12, in: text.utf8))
        var finding = Finding(
            ruleID: rule.id, kind: rule.kind, severity: severity, message: rule.message ?? rule.title,
            part: text.part(at: range.lowerBound), location: lines.location(of: original).placed(text.place(at: range.lowerBound)),
            masked: Masker.mask(value), excerpt: excerpt, match: scanner.showMatches ? String(decoding: decoded.utf8[original], as: UTF8.self) : nil,
            sources: rule.sources ?? [], remediation: rule.remediation)
        if rule.kind == .casePerson, Surnames.isPersonalName(value) { finding.personName = value }
        append(finding, at: range)
    }

    /// Lists `finding` (at `range`, normalized); a person it names in full and rejects for is
    /// remembered, so that the page's other places naming him are found (``checkNames()``).
    private mutating func append(_ finding: Finding, at range: Range<Int>) {
        if let name = finding.personName, finding.severity > .warn {
            if people[name] == nil { people[name] = (findings.count, finding) }
            namedAt.insert(range.lowerBound)
        }
        findings.append(finding)
    }

    /// Adds the findings of the page's names as a whole (``PersonNameCheck``): a decision's party
    /// fields and tables, then the further places a person found named in full is named — by a
    /// rule or by a party field alike (a 公告送达 addressed to 赵丽萍 names her again in its title).
    mutating func checkNames() {
        guard document.docType != .wanted else { return }
        let names = PersonNameCheck(document: document)
        // Party fields are a decision's: the check reads a penalty or licence decision, or a notice
        // serving a decision by publication (公告送达), whatever column the site files it in.
        if document.docType == .penalty || document.docType == .licence || servesByPublication {
            let parties =
                names.inconsistentMasks(showMatches: scanner.showMatches)
                + names.partiesInTables(showMatches: scanner.showMatches)
                + names.addressee(showMatches: scanner.showMatches)
            for party in parties { append(party.finding, at: party.range) }
        }
        let (elsewhere, bodyLines) = names.repetitions(of: people.mapValues(\.finding), besides: namedAt)
        for (name, lines) in bodyLines where !lines.isEmpty {
            guard let first = people[name] else { continue }
            findings[first.index].say(Message("shared.named_again", ["lines": lines.map(String.init).joined(separator: ", ")]))
        }
        findings += elsewhere
    }

    /// Whether the document serves a decision by publication (…公告送达书, 关于向…公告送达…的公告): it
    /// addresses the decision's party as the decision does.
    private var servesByPublication: Bool {
        (document.normalizedTitle ?? "").contains("送达")
    }

    /// Drops the match: the trace says why (worded only when there is a trace); always nil.
    private func drop(_ rule: Rule, _ range: Range<Int>, _ value: @autoclosure () -> String, _ why: @autoclosure () -> Reason) -> Severity? {
        trace?.drop(rule.id, line(of: range), value(), why())
        return nil
    }

    /// The original line of a normalized range (for the trace only: computed when it is asked for).
    private func line(of range: Range<Int>) -> Int {
        lines.line(of: document.originalRange(of: range).lowerBound)
    }

    /// A kept match, by rule and original span: the same match is listed once.
    private struct SeenMatch: Hashable {
        let rule: Int
        let start: Int
        let end: Int
    }

    private mutating func headerEnd() -> FirstLines {
        if let firstLines { return firstLines }
        let found = FirstLines(text.utf8)
        firstLines = found
        return found
    }
}
