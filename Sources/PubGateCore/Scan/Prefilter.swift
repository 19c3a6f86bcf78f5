import Foundation
import VectorscanKit

/// One Vectorscan pass over a document for every rule at once, so PCRE2 only runs where a rule
/// can match (docs/conventions.md §6.1: rule-by-rule PCRE2 over whole documents is 10–37× slower
/// than a multi-pattern prefilter with confirmation windows).
///
/// Each rule's PCRE2 pattern is compiled in Vectorscan's prefilter mode: lookaround and other
/// constructs it cannot run exactly become a superset, so a document with no hit for a rule
/// cannot hold a match of it, and every real match ends at a reported hit. A rule Vectorscan
/// cannot compile at all stays on PCRE2 alone (``Confirmation/unfiltered(reason:)``).
///
/// Rules' keywords are literals in the text's database (ids after the rules'), so the keyword gate
/// rides on the same pass (searching each keyword separately was a fifth of the scan; a database
/// of its own was a third pass over every text, 1.5 % more prefilter instructions than folded in).
/// A document is read by two passes, each with one database: the text's and its ASCII runs'.
public struct Prefilter: Sendable {
    /// By rule index, how the rule's candidates are confirmed.
    public let confirmations: [Confirmation]
    /// Rules that can match non-ASCII text and the keywords, scanned over the whole text.
    private let database: PatternDatabase?
    /// Rules whose matches are all ASCII, scanned over the text's ASCII runs only (``ASCIIRuns``):
    /// they were most of the scan's time, the digit-run rules above all, while the runs long
    /// enough to hold one of their matches are about a tenth of a Chinese text.
    private let asciiDatabase: PatternDatabase?
    /// The shortest match of any rule in `asciiDatabase`: shorter runs are not scanned.
    private let asciiMinWidth: Int
    /// Rules whose Vectorscan expression repeats an earlier rule's (the masked-ID rule and its
    /// weak-masking sibling): compiled once, the hits copied (rule index → the earlier rule's).
    private let sameAs: [Int: Int]
    /// By keyword (pattern id minus the number of rules), the rules it lets through; empty when the
    /// keywords are not in the database and must be searched for one by one.
    private let keywordRules: [[Int]]
    /// By rule index, true for a rule without keywords (its gate is always open).
    private let keywordless: [Bool]

    /// What one pass found in a document.
    struct Candidates: Equatable {
        /// By rule index, the sorted end offsets of the rule's hits.
        let ends: [[Int]]
        /// By rule index, whether one of the rule's keywords occurs (always true for a rule
        /// without keywords); nil when the caller must search for the keywords itself.
        let keywordsPresent: [Bool]?
    }

    /// - Parameter cache: where compiled databases are kept between runs (nil: always compile).
    init(rules: [CompiledRule], cache: PrefilterCache? = PrefilterCache.standard) {
        var confirmations: [Confirmation] = []
        var patterns: [PatternDatabase.Pattern] = []
        var asciiPatterns: [PatternDatabase.Pattern] = []
        var minWidths: [UInt32: Int] = [:]
        var first: [String: Int] = [:]
        var sameAs: [Int: Int] = [:]
        let expressions = rules.map { Self.vectorscanExpression(of: $0.rule) }
        let allWidths =
            cache?.widths(of: expressions)
            ?? expressions.map(PrefilterCache.computeWidths)
        for (index, (expression, flags)) in expressions.enumerated() {
            do {
                let widths = try allWidths[index].get()
                guard widths.minWidth > 0 else {
                    confirmations.append(.unfiltered(reason: "the pattern can match empty text"))
                    continue
                }
                confirmations.append(Self.confirmation(of: rules[index].rule, widths: widths))
                if let earlier = first["\(flags.rawValue) \(expression)"] {
                    sameAs[index] = earlier
                } else {
                    first["\(flags.rawValue) \(expression)"] = index
                    let pattern = PatternDatabase.Pattern(id: UInt32(index), expression: expression, flags: flags)
                    if ASCIIRuns.matchesOnlyASCII(expression) {
                        asciiPatterns.append(pattern)
                        minWidths[pattern.id] = widths.minWidth
                    } else {
                        patterns.append(pattern)
                    }
                }
            } catch {
                confirmations.append(.unfiltered(reason: "Vectorscan: \(error.message)"))
            }
        }
        var (keywordPatterns, keywordRules) = Self.keywordGate(rules)
        patterns += keywordPatterns
        database = Self.database(of: &patterns, confirmations: &confirmations, sameAs: &sameAs, cache: cache)
        asciiDatabase = Self.database(of: &asciiPatterns, confirmations: &confirmations, sameAs: &sameAs, cache: cache)
        asciiMinWidth = asciiPatterns.compactMap { minWidths[$0.id] }.min() ?? 1
        // Every keyword is in the database, or the gate is left to searching each one.
        if database == nil || patterns.filter({ Int($0.id) >= rules.count }).count != keywordPatterns.count { keywordRules = [] }
        self.sameAs = sameAs
        self.confirmations = confirmations
        self.keywordRules = keywordRules
        keywordless = rules.map(\.keywords.isEmpty)
    }

    /// One database of `patterns`, from the cache when it holds it. A pattern that parses may still
    /// fail to build (resource limits): it is dropped from `patterns`, its rules (and the rules
    /// sharing its expression) left to PCRE2 alone, and the rest built again. Only a database built
    /// from every parsed pattern in one go is cached.
    private static func database(
        of patterns: inout [PatternDatabase.Pattern], confirmations: inout [Confirmation], sameAs: inout [Int: Int],
        cache: PrefilterCache?
    ) -> PatternDatabase? {
        guard !patterns.isEmpty else { return nil }
        if let cached = cache?.load(patterns) { return cached }
        if let built = try? PatternDatabase(patterns) {
            cache?.store(built, for: patterns)
            return built
        }
        while !patterns.isEmpty {
            do {
                return try PatternDatabase(patterns)
            } catch {
                // An error that names no pattern (no memory, a CPU Vectorscan does not support)
                // leaves every rule of this database on PCRE2 alone.
                let failed = error.expression.map { [$0] } ?? Array(patterns.indices)
                for i in failed where Int(patterns[i].id) < confirmations.count {
                    let rule = Int(patterns[i].id)
                    for r in [rule] + sameAs.filter({ $0.value == rule }).map(\.key) {
                        confirmations[r] = .unfiltered(reason: "Vectorscan: \(error.message)")
                        sameAs[r] = nil
                    }
                }
                for i in failed.reversed() { patterns.remove(at: i) }
            }
        }
        return nil
    }

    /// Every rule's keywords as literal patterns for the text's database — each distinct keyword
    /// once, as its exact bytes, reported once per document, its id the number of rules plus its
    /// index — and by keyword the rules it lets through. A one-byte keyword (`*` of a secret mark)
    /// is reported at every occurrence instead: Vectorscan 5.4.9 misses a one-byte single-match
    /// literal past the 64th byte of a text, which skipped sec_mark_header on 秘密*1年.
    private static func keywordGate(_ rules: [CompiledRule]) -> ([PatternDatabase.Pattern], [[Int]]) {
        var keywordIndex: [[UInt8]: Int] = [:]
        var keywordRules: [[Int]] = []
        var literals: [PatternDatabase.Pattern] = []
        for (index, compiled) in rules.enumerated() {
            for keyword in compiled.keywords where !keyword.isEmpty {
                let k =
                    keywordIndex[keyword]
                    ?? {
                        keywordIndex[keyword] = keywordRules.count
                        keywordRules.append([])
                        literals.append(
                            .init(
                                id: UInt32(rules.count + keywordRules.count - 1),
                                expression: keyword.map { "\\x{" + String($0, radix: 16) + "}" }.joined(),
                                flags: keyword.count == 1 ? [] : .singleMatch))
                        return keywordRules.count - 1
                    }()
                if keywordRules[k].last != index { keywordRules[k].append(index) }
            }
        }
        return (literals, keywordRules)
    }

    /// The rules' hits in `utf8` (normalized text); nil when the prefilter could not run, in which
    /// case every rule must be confirmed over the whole text.
    func candidates(in utf8: [UInt8]) -> Candidates? {
        guard database != nil || asciiDatabase != nil else { return nil }
        var ends = Array(repeating: [Int](), count: confirmations.count)
        var present = keywordRules.isEmpty ? nil : keywordless
        if let database {
            guard let hits = try? database.scan(utf8) else { return nil }
            for hit in hits {
                let id = Int(hit.id)
                if id < ends.count {
                    ends[id].append(hit.end)
                } else {
                    for rule in keywordRules[id - ends.count] { present?[rule] = true }
                }
            }
        }
        if let asciiDatabase {
            let runs = ASCIIRuns(of: utf8, minLength: asciiMinWidth)
            guard let hits = try? asciiDatabase.scan(runs.bytes) else { return nil }
            for hit in hits { ends[Int(hit.id)].append(min(runs.textOffset(ofEnd: hit.end), utf8.count)) }
        }
        for i in ends.indices where ends[i].count > 1 { ends[i].sort() }
        for (rule, earlier) in sameAs { ends[rule] = ends[earlier] }
        return Candidates(ends: ends, keywordsPresent: present)
    }

    /// Windows of bytes when the rule's matches have a longest, else of lines when they hold at
    /// most so many line breaks, else the whole document.
    static func confirmation(of rule: Rule, widths: PatternDatabase.Widths) -> Confirmation {
        if let width = widths.maxWidth { return .windows(maxWidth: width) }
        return LineBreaks.maxCount(in: rule.pattern, flags: rule.flags ?? []).map { .lines(maxBreaks: $0) } ?? .document
    }

    /// Start-offset windows for a rule whose matches hold at most `maxBreaks` line breaks: a match
    /// ending at a hit starts after the (`maxBreaks`+1)-th line break before it. Each hit reads
    /// back no further than the previous window's end (a window reaching it is merged), so the
    /// text is read at most once whatever the number of hits.
    static func windows(ends: [Int], maxBreaks: Int, in utf8: [UInt8]) -> [ClosedRange<Int>] {
        var merged: [ClosedRange<Int>] = []
        for end in ends {
            let floor = merged.last?.upperBound ?? 0
            var start = min(end, utf8.count)
            var breaks = 0
            while start > floor {
                if utf8[start - 1] == 0x0A {
                    breaks += 1
                    if breaks > maxBreaks { break }
                }
                start -= 1
            }
            if let last = merged.last, start <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, end)
            } else {
                merged.append(start...end)
            }
        }
        return merged
    }

    /// Start-offset windows for a rule whose matches are at most `maxWidth` bytes: a match ending at
    /// a hit starts at most `maxWidth` bytes before it. Overlapping windows are merged.
    static func windows(ends: [Int], maxWidth: Int) -> [ClosedRange<Int>] {
        var merged: [ClosedRange<Int>] = []
        for end in ends {
            let window = max(0, end - maxWidth)...end
            if let last = merged.last, window.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, window.upperBound)
            } else {
                merged.append(window)
            }
        }
        return merged
    }

    /// The rule's pattern and flags as its Vectorscan prefilter expression.
    static func vectorscanExpression(of rule: Rule) -> (expression: String, flags: PatternDatabase.Flags) {
        let extended = (rule.flags ?? []).contains { $0 == "extended" || $0 == "x" }
        return (expression: vectorscanSyntax(rule.pattern, extended: extended), flags: flags(rule.flags ?? []))
    }

    /// The pattern as Vectorscan should see it: a superset where the two engines' Unicode tables
    /// differ. Vectorscan's script tables are older than PCRE2's (its `\p{Han}` misses U+9FFF and
    /// CJK extension G), so `\p{sc:Han}`/`\p{Han}` become "any non-ASCII scalar" and any other
    /// property becomes "any scalar"; PCRE2 still decides the exact match. `extended` has no
    /// compile flag in Vectorscan, only `(?x)`.
    /// (Rewritten byte by byte: every character the rewriting looks at is ASCII, so the bytes of
    /// other characters are copied as they are; appending scalar by scalar to a `String` was 4.8 M
    /// instructions of every start-up.)
    static func vectorscanSyntax(_ pattern: String, extended: Bool = false) -> String {
        let bytes = Array(pattern.utf8)
        var out: [UInt8] = extended ? Array("(?x)".utf8) : []
        out.reserveCapacity(bytes.count + 8)
        var inClass = false
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "p") || next == UInt8(ascii: "P"), i + 2 < bytes.count, bytes[i + 2] == UInt8(ascii: "{"),
                    let close = bytes[(i + 3)...].firstIndex(of: UInt8(ascii: "}"))
                {
                    let name = String(decoding: bytes[(i + 3)..<close], as: UTF8.self)
                    let han = next == UInt8(ascii: "p") && (name == "sc:Han" || name == "Han" || name == "script=Han")
                    let range = han ? #"\x{80}-\x{10FFFF}"# : #"\x{0}-\x{10FFFF}"#
                    out.append(contentsOf: (inClass ? range : "[\(range)]").utf8)
                    i = close + 1
                    continue
                }
                // The escaped character whole (its other bytes, if any, are copied next).
                out.append(c)
                out.append(next)
                i += 2
                continue
            }
            if c == UInt8(ascii: "[") && !inClass {
                inClass = true
                out.append(c)
                // A `]` or `^]` right after the opening bracket is a literal, not the end.
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "^") {
                    out.append(UInt8(ascii: "^"))
                    i += 1
                }
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "]") {
                    out.append(UInt8(ascii: "]"))
                    i += 1
                }
            } else {
                if c == UInt8(ascii: "]") && inClass { inClass = false }
                out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func flags(_ ruleFlags: [String]) -> PatternDatabase.Flags {
        var flags: PatternDatabase.Flags = [.utf8, .prefilter, .multiline]
        for flag in ruleFlags {
            switch flag {
            case "caseless", "i": flags.insert(.caseless)
            case "dotall", "s": flags.insert(.dotAll)
            default: break
            }
        }
        return flags
    }
}
