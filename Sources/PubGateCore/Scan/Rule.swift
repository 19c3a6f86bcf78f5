/// A scan rule as written in a `Rules/*.yaml` file.
///
/// A rule is a PCRE2 pattern plus what turns a raw match into a finding: a validator (checksum,
/// date), context words, exclusions and where the rule applies. Every rule carries examples that
/// `pubgate rules check` and the test suite verify.
public struct Rule: Codable, Sendable {
    public var id: String
    public var title: String
    public var kind: FindingKind
    var category: String?
    public var severity: Severity
    /// The PCRE2 pattern; for a rule given as `terms`, their alternation.
    var pattern: String
    /// A lexicon instead of a pattern: literal terms, any of which is a match. Kept as a list so a
    /// dictionary (police-work words, 严重表述错误) is edited as data; Vectorscan matches any number
    /// of terms in its one pass, so a long list costs no more than a short one.
    var terms: [String]?
    /// Capture group whose span is the finding (0: the whole match).
    var group: Int?
    /// `multiline`, `caseless`, `dotall`, `extended`.
    var flags: [String]?
    /// Literal strings one of which must occur in a document for the rule to run (a prefilter).
    var keywords: [String]?
    /// Name of a validator in ``Validators``.
    var validator: String?
    var context: RuleContext?
    var exclude: RuleExclusions?
    var appliesTo: RuleScope?
    var message: String?
    var remediation: String?
    /// Legal source ids (`S25`) from docs/domain.md §0.
    var sources: [String]?
    /// The 公开属性 a match implies for the document (docs/domain.md §2.4): a secret mark implies
    /// 不予公开, internal management 依申请公开, unmasked personal data 部分公开.
    var implies: DisclosureAttribute?
    /// `word`: the match must start and end where words do (``ReaderContext``), so 布警 is not
    /// found inside 发布警情. Default `word` for a lexicon (`terms`), `none` for a pattern.
    var boundaries: Boundaries?
    /// `lower`: a match that only names the category — forbidden (严禁发布…), listed without values,
    /// cited in 《》, given as the basis (根据…批示) — is lowered to warn. Default `lower` for kinds
    /// that name categories of content (police work, process, commercial secrets), else `keep`.
    var mentions: Mentions?
    /// The rule's matches have no bound in bytes or lines (a run of line breaks is part of them), so
    /// PCRE2 confirms its candidates over the whole document (``Confirmation/document``). Said in
    /// the rule so that an author sees the cost: a rule confirmed that way without it, or with it
    /// but bounded, is a load warning.
    var needsWholeDocument: Bool?
    var examples: RuleExamples

    enum Boundaries: String, Codable, Sendable { case word, none }
    enum Mentions: String, Codable, Sendable { case lower, keep }

    /// Whether matches must fall on word boundaries.
    var wordBounded: Bool { (boundaries ?? (terms == nil ? .none : .word)) == .word }

    /// Whether a mention of the category is lowered to warn.
    var lowersMentions: Bool {
        (mentions ?? ([.policeWork, .process, .commercialSecret].contains(kind) ? .lower : .keep)) == .lower
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, kind, category, severity, pattern, terms, group, flags, keywords, validator, context, exclude
        case appliesTo = "applies_to"
        case message, remediation, sources, implies, boundaries, mentions
        case needsWholeDocument = "needs_whole_document"
        case examples
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        kind = try c.decode(FindingKind.self, forKey: .kind)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        severity = try c.decode(Severity.self, forKey: .severity)
        terms = try c.decodeIfPresent([String].self, forKey: .terms)
        switch (try c.decodeIfPresent(String.self, forKey: .pattern), terms) {
        case (let pattern?, nil): self.pattern = pattern
        case (nil, let terms?) where !terms.isEmpty && !terms.contains(where: \.isEmpty):
            self.pattern = "(?:" + terms.map(Self.literal).joined(separator: "|") + ")"
        case (nil, _?):
            throw DecodingError.dataCorruptedError(forKey: .terms, in: c, debugDescription: "`terms` must list at least one non-empty term")
        case (_?, _?):
            throw DecodingError.dataCorruptedError(forKey: .terms, in: c, debugDescription: "give `pattern` or `terms`, not both")
        case (nil, nil):
            throw DecodingError.dataCorruptedError(forKey: .pattern, in: c, debugDescription: "a rule needs `pattern` or `terms`")
        }
        group = try c.decodeIfPresent(Int.self, forKey: .group)
        flags = try c.decodeIfPresent([String].self, forKey: .flags)
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords)
        validator = try c.decodeIfPresent(String.self, forKey: .validator)
        context = try c.decodeIfPresent(RuleContext.self, forKey: .context)
        exclude = try c.decodeIfPresent(RuleExclusions.self, forKey: .exclude)
        appliesTo = try c.decodeIfPresent(RuleScope.self, forKey: .appliesTo)
        message = try c.decodeIfPresent(String.self, forKey: .message)
        remediation = try c.decodeIfPresent(String.self, forKey: .remediation)
        sources = try c.decodeIfPresent([String].self, forKey: .sources)
        implies = try c.decodeIfPresent(DisclosureAttribute.self, forKey: .implies)
        boundaries = try c.decodeIfPresent(Boundaries.self, forKey: .boundaries)
        mentions = try c.decodeIfPresent(Mentions.self, forKey: .mentions)
        needsWholeDocument = try c.decodeIfPresent(Bool.self, forKey: .needsWholeDocument)
        examples = try c.decode(RuleExamples.self, forKey: .examples)
    }

    /// The inverse of `init(from:)`, for the decoded-rules cache (``DecodedCache``): a rule given
    /// as `terms` is written with its terms alone, its pattern being made from them again.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(category, forKey: .category)
        try c.encode(severity, forKey: .severity)
        if let terms {
            try c.encode(terms, forKey: .terms)
        } else {
            try c.encode(pattern, forKey: .pattern)
        }
        try c.encodeIfPresent(group, forKey: .group)
        try c.encodeIfPresent(flags, forKey: .flags)
        try c.encodeIfPresent(keywords, forKey: .keywords)
        try c.encodeIfPresent(validator, forKey: .validator)
        try c.encodeIfPresent(context, forKey: .context)
        try c.encodeIfPresent(exclude, forKey: .exclude)
        try c.encodeIfPresent(appliesTo, forKey: .appliesTo)
        try c.encodeIfPresent(message, forKey: .message)
        try c.encodeIfPresent(remediation, forKey: .remediation)
        try c.encodeIfPresent(sources, forKey: .sources)
        try c.encodeIfPresent(implies, forKey: .implies)
        try c.encodeIfPresent(boundaries, forKey: .boundaries)
        try c.encodeIfPresent(mentions, forKey: .mentions)
        try c.encodeIfPresent(needsWholeDocument, forKey: .needsWholeDocument)
        try c.encode(examples, forKey: .examples)
    }

    /// `term` as a PCRE2 (and Vectorscan) literal: every metacharacter escaped.
    static func literal(_ term: String) -> String {
        var out = ""
        for ch in term.unicodeScalars {
            if "\\^$.|?*+()[]{}".unicodeScalars.contains(ch) { out += "\\" }
            out.unicodeScalars.append(ch)
        }
        return out
    }
}

/// Words around a match that change what it means.
struct RuleContext: Codable, Sendable {
    /// Characters on each side of the match that are searched (default 20).
    var window: Int?
    /// At least one of these must occur in the window, or the match is dropped.
    var requireAny: [String]?
    /// A second condition of the same kind: one of these must occur too (a plan needs a date ahead
    /// and a task: 届时 … 抽调).
    var requireAlso: [String]?
    /// Any of these in the window drops the match (e.g. `受理编号` next to an 18-digit number).
    var dropIfAny: [String]?
    /// Any of these in the window lowers the severity to `lowerTo` (default `info`).
    var lowerIfAny: [String]?
    var lowerTo: Severity?
    /// Characters searched for `lowerIfAny` when they differ from `window`: what makes a passage a
    /// report after the event (…抓获) may stand a sentence away, while a word that drops a match must
    /// be next to it.
    var lowerWindow: Int?
    /// Only the text before the match is searched (labels such as `密码：` precede values).
    var beforeOnly: Bool?
    /// Document types in which `lowerIfAny` applies (all when absent): a mobile after 联系人 is the
    /// required contact of a reply to a deputy or a consultation, and a leak in a notice.
    var lowerIn: [DocumentType]?
    /// Words that, standing before the match in the window, keep it from being lowered: the number
    /// belongs to them (王某代表，联系电话：…), whatever staff contact stands nearby.
    var lowerUnlessBefore: [String]?
    /// The same after the match: a number the page itself calls private (…（个人手机）) is not the
    /// office contact the words around it announce.
    var lowerUnlessAfter: [String]?
    /// `require_any`, `require_also` and `drop_if_any` hold for the whole sentence the match stands
    /// in (to 。！？； or the line's end, at most ``RuleScanner/sentenceReach`` characters each way),
    /// not only the window: a plan's tense (将, 届时) governs every figure of its sentence, and so
    /// does a quota's 招聘.
    var sentence: Bool?
    /// Facts of the whole document (``DocumentFact``) that lower the match to `lowerTo`, as a word
    /// in `lowerIfAny` would: a report titled …圆满完成…安保任务 tells what was done, after the event.
    var lowerIfDocumentShows: [DocumentFact]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case window
        case requireAny = "require_any"
        case requireAlso = "require_also"
        case dropIfAny = "drop_if_any"
        case lowerIfAny = "lower_if_any"
        case lowerTo = "lower_to"
        case lowerWindow = "lower_window"
        case beforeOnly = "before_only"
        case lowerIn = "lower_in"
        case lowerUnlessBefore = "lower_unless_before"
        case lowerUnlessAfter = "lower_unless_after"
        case sentence
        case lowerIfDocumentShows = "lower_if_document_shows"
    }
}

/// Matches that are never findings.
struct RuleExclusions: Codable, Sendable {
    /// Exact matched values (after normalization), e.g. public hotlines.
    var values: [String]?
    /// Patterns that, matching the matched text, drop it.
    var patterns: [String]?
    /// Path substrings of documents the rule skips.
    var paths: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable { case values, patterns, paths }
}

/// Where a rule applies.
struct RuleScope: Codable, Sendable {
    var formats: [DocumentFormat]?
    var parts: [ContentPart]?
    /// Only matches starting within the first N non-empty lines of the document's text.
    var firstLines: Int?
    /// Document types the rule is limited to, and types it never applies to (e.g. `wanted`).
    var docTypes: [DocumentType]?
    var exceptDocTypes: [DocumentType]?
    /// Words any of which, anywhere in the document, make the rule not apply: a decision whose
    /// party has a 统一社会信用代码 punishes a business, whose operator may be named.
    var unlessDocumentHas: [String]?
    /// Facts any of which, shown in the document, make the rule not apply, when a word alone says
    /// too little (营业执照 stands in 未取得营业执照 too; a credit code with its value does not).
    var unlessDocumentShows: [DocumentFact]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case formats, parts
        case firstLines = "first_lines"
        case docTypes = "doc_types"
        case exceptDocTypes = "except_doc_types"
        case unlessDocumentHas = "unless_document_has"
        case unlessDocumentShows = "unless_document_shows"
    }
}

/// Examples a rule must get right.
struct RuleExamples: Codable, Sendable {
    var match: [RuleExample]
    var noMatch: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case match
        case noMatch = "no_match"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        match = try c.decodeIfPresent([RuleExample].self, forKey: .match) ?? []
        noMatch = try c.decodeIfPresent([String].self, forKey: .noMatch) ?? []
    }
}

/// A text that must produce a finding, and optionally the exact matched text expected.
struct RuleExample: Codable, Sendable {
    var text: String
    var expect: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case text, expect }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer().decode(String.self) {
            text = single
            expect = nil
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        expect = try c.decodeIfPresent(String.self, forKey: .expect)
    }
}
