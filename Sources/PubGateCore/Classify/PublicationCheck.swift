/// The per-document publication rules of the 2023 task list (docs/domain.md §3, §7.1–§7.4).
///
/// - J-FIELDS: a 政策解读 names 解读单位, 解读人 and 解读电话.
/// - P-TITLE: a 建议/提案 reply's title carries a content summary, not only the 届次 and number.
/// - K-01: a 征求意见 notice says until when comments are taken (long enough) and how to send them.
/// - C-NORM: a 规范性文件 has a 文号, a 成文日期 and a 施行日期.
/// - S-FMT-DOCNO: the document's own 文号 follows GB/T 9704.
/// - S-FMT-DATE: the body's 成文日期 is written 2025年6月5日 (Arabic digits, no padding zeros).
/// - a penalty decision follows the site's masking template and is not a minor's case.
/// - Outdated basis: no reliance on a law, rule or provision that had ended (``OutdatedBasisCheck``).
/// - A guide sends applicants to its own agency (``GuideAgencyCheck``).
///
/// The cross-document rule of 三同步 (a policy's 解读 in the batch or on the site) needs the whole
/// batch and lives in the aggregate stage (``InterpretationLinkCheck``).
struct PublicationCheck: Sendable {
    let settings: Settings
    let asOf: SimpleDate
    let outdatedBasis: OutdatedBasisCheck

    init(settings: Settings, asOf: SimpleDate, repealed: RepealedBases = RepealedBases()) {
        self.settings = settings
        self.asOf = asOf
        outdatedBasis = OutdatedBasisCheck(bases: repealed, severity: settings.publication.outdatedBasis, asOf: asOf)
    }

    func findings(for document: ClassifiedDocument) -> [Finding] {
        var found: [Finding] = []
        switch document.docType {
        case .interpretation: found += interpretationFields(document)
        case .proposalReply: found += proposalTitle(document)
        case .consultation: found += consultation(document)
        case .normative: found += normativeFields(document)
        case .penalty, .licence: found += minorParty(document) + maskingTemplate(document)
        case .publicity: found += maskingTemplate(document)
        case .guide: found += GuideAgencyCheck(severity: settings.publication.guideAgency).findings(for: document)
        default: break
        }
        // 执法文书 (处罚、许可决定书, 答复书, 通缉令) follow their own 文书式样 and are published with
        // the number as issued (zero padding and 第 are common there): GB/T 9704 is for 公文.
        if ![.penalty, .licence, .foiReply, .wanted].contains(document.docType) {
            found += documentNumberFormat(document)
        }
        found += writtenDateFormat(document) + outdatedBasis.findings(for: document)
        return found
    }

    /// The text a reader gets as the document's own: its content lines (the page chrome left out,
    /// as the rules' scopes leave it out) and front matter, joined. A site footer's 联系电话 is the
    /// site's, not the 解读's contact or a consultation's channel.
    static func servedText(_ document: ClassifiedDocument) -> String {
        Classifier.joined(document.contentLines + document.lines.filter { $0.part == .frontMatter })
    }

    // MARK: J-FIELDS

    /// The three 解读 fields (S8) as pages write them (``LinePatterns/interpretationUnit`` and the
    /// two after it): a field of its own (解读人：…), or a contact line that names the unit and the
    /// person beside the number. The unit may also be the 解读's signature or its page's 发布机构.
    func interpretationFields(_ document: ClassifiedDocument) -> [Finding] {
        let text = Self.servedText(document)
        let meta = document.ingested.metadata
        func has(_ pattern: String.Pattern, _ key: String) -> Bool {
            text.firstMatch(pattern) != nil || !(meta[key]?.trimmingWhiteSpace.isEmpty ?? true)
        }
        // The fields belong to the drafting office's own 解读 (S7: 谁起草、谁解读); a newspaper's or an
        // expert's reading, republished, speaks for its author.
        guard (document.normalizedTitle ?? "").firstMatch(\.othersInterpretation) == nil else { return [] }
        var missing: [String] = []
        // An interview (答记者问, 新闻发布会) is answered by a named office's head in front of the press:
        // the office in its title is the 解读单位, the one who answers its 解读人, the press its channel.
        let title = document.normalizedTitle ?? ""
        let interview = title.firstMatch(\.interviewTitle) != nil
        let titledOffice = interview && title.firstMatch(\.interviewOffice) != nil
        if !has(\.interpretationUnit, "解读单位"), document.elements.issuerSignature == nil, document.metadata.publisher == nil,
            !titledOffice
        {
            missing.append("解读单位")
        }
        if !interview {
            if !has(\.interpretationPerson, "解读人") { missing.append("解读人") }
            if !has(\.interpretationPhone, "解读电话") { missing.append("解读电话") }
        }
        guard !missing.isEmpty else { return [] }
        return [
            Finding(
                ruleID: "interpretation_fields", kind: .interpretationFields, severity: settings.publication.interpretation.fields,
                text: Message("interpretation_fields", ["fields": missing.joined(separator: ", ")]), sources: ["S8"])
        ]
    }

    // MARK: P-TITLE

    func proposalTitle(_ document: ClassifiedDocument) -> [Finding] {
        guard let title = document.normalizedTitle else { return [] }
        let topics = [
            title.firstMatch(\.proposalTopic),
            title.firstMatch(\.proposalBracketedTopic),
        ].compactMap { $0 }
        let summarised = topics.contains { topic in
            topic.filter { $0.unicodeScalars.first!.properties.isIdeographic }.count >= 4
                && topic.firstMatch(\.proposalSessionOnly) == nil
        }
        guard !summarised else { return [] }
        return [
            Finding(
                ruleID: "proposal_title", kind: .proposalTitle, severity: settings.publication.proposal.title,
                text: Message("proposal_title"), sources: ["S8"])
        ]
    }

    // MARK: K-01

    /// The window is a date range, else a due date counted from the notice's own date, else a
    /// period (counted from the notice, or given by its length alone), else a due date without its
    /// year (``LinePatterns``' `consultation…` patterns, tried in that order).
    func consultation(_ document: ClassifiedDocument) -> [Finding] {
        // A report on a consultation already held (采纳情况的说明) asks for nothing.
        if (document.normalizedTitle ?? "").firstMatch(\.consultationOutcome) != nil { return [] }
        let text = Self.servedText(document)
        let rules = settings.publication.consultation
        let own = document.metadata.publishDate ?? document.writtenDate
        var start: SimpleDate?
        var due: SimpleDate?
        // The window's length in working days, when the notice states it so.
        var workdays: Int?
        if let c = text.captures(\.consultationRange), let from = SimpleDate(year: c[1], month: c[2], day: c[3]) {
            start = from
            due = SimpleDate(year: c[4] ?? c[1], month: c[5], day: c[6])
        } else if let c = text.captures(\.consultationDue) {
            due = SimpleDate(year: c[1], month: c[2], day: c[3]) ?? SimpleDate(year: c[4], month: c[5], day: c[6])
            start = own
        } else if let (n, unit) = Self.periodLength(text) {
            // Working days are the window itself; calendar days and months are counted from the notice.
            if unit == "工作日" {
                workdays = n
            } else {
                start = own ?? asOf
                due = start?.adding(days: (unit == "月" ? 30 * n : n) - 1)
            }
        } else if let c = text.captures(\.consultationDueNoYear) {
            start = own
            let year = start?.year ?? asOf.year
            let (month, day) = (c[1] ?? c[3], c[2] ?? c[4])
            if let d = SimpleDate(year: String(year), month: month, day: day) {
                due = start.map { d < $0 } == true ? SimpleDate(year: String(year + 1), month: month, day: day) : d
            }
        }
        var dates: [String: String] = [:]
        if let start, let due, start <= due {
            // Public holidays are the sweep's calendar: a notice is judged without them, in its favour.
            workdays = WorkdayCalendar().workdays(from: start, through: due)
            dates = ["start": start.description, "due": due.description]
        }
        let severity = windowSeverity(document, text: text)
        var found: [Finding] = []
        if due == nil && workdays == nil {
            found.append(
                Finding(
                    ruleID: "consultation_window", kind: .consultation, severity: severity,
                    text: Message("consultation_window.open_ended"), sources: ["S33"]))
        } else if let days = workdays, days < rules.minWorkdays {
            let args = dates.merging(["days": String(days), "minimum": String(rules.minWorkdays)]) { $1 }
            found.append(
                Finding(
                    ruleID: "consultation_window", kind: .consultation, severity: severity,
                    text: dates.isEmpty ? Message("consultation_window.days", args) : Message("consultation_window.period", args),
                    sources: ["S33"]))
        }
        return found + consultationChannel(text)
    }

    /// How much a short or open window weighs. The statutory minimum (K-01) is for drafts of
    /// decisions and rules; a poll or a call for names (民意调查, 名称征集) sets its own period, and so
    /// does a plan that is not a 重大行政决策: reported, not blocking. A notice that explains why it
    /// shortened its window uses the statute's own exception: a reviewer weighs the reason.
    private func windowSeverity(_ document: ClassifiedDocument, text: String) -> Severity {
        let title = document.normalizedTitle ?? ""
        let draft = text.firstMatch(\.consultationDraft) != nil || title.firstMatch(\.consultationDraft) != nil
        let plan =
            (text.firstMatch(\.consultationPlanDraft) != nil || title.firstMatch(\.consultationPlanDraft) != nil)
            && text.firstMatch(\.consultationMajorDecision) == nil
        let statutory = draft && !plan && text.firstMatch(\.consultationShortened) == nil
        let window = settings.publication.consultation.window
        return statutory ? window : min(window, .warn)
    }

    private func consultationChannel(_ text: String) -> [Finding] {
        guard text.firstMatch(\.consultationChannel) == nil else { return [] }
        return [
            Finding(
                ruleID: "consultation_channel", kind: .consultation, severity: settings.publication.consultation.channel,
                text: Message("consultation_channel"), sources: ["S33"])
        ]
    }

    /// The window's length and its unit (工作日, 日, 天 or 月): counted from the notice (自公告之日起30日内)
    /// or given alone (征求意见期限为30天).
    static func periodLength(_ text: String) -> (Int, String)? {
        if let c = text.captures(\.consultationPeriod), let n = count(c[1]), let unit = c[2] { return (n, unit) }
        if let c = text.captures(\.consultationLength), let n = count(c[1] ?? c[3]), let unit = c[2] ?? c[4] { return (n, unit) }
        return nil
    }

    /// A count in Arabic or Chinese numerals up to 999 (30, 三十, 十五).
    static func count(_ s: String?) -> Int? {
        guard let s else { return nil }
        if let n = Int(s) { return n }
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var total = 0
        var current = 0
        for ch in s {
            if let d = digits[ch] {
                current = d
            } else if ch == "十" {
                total += max(current, 1) * 10
                current = 0
            } else {
                return nil
            }
        }
        return total + current
    }

    // MARK: C-NORM

    func normativeFields(_ document: ClassifiedDocument) -> [Finding] {
        var missing: [String] = []
        if document.documentNumber == nil { missing.append("文号") }
        if document.writtenDate == nil { missing.append("成文日期") }
        if !document.validity.statesEffectiveDate && document.metadata.effectiveDate == nil { missing.append("施行日期") }
        guard !missing.isEmpty else { return [] }
        return [
            Finding(
                ruleID: "normative_fields", kind: .format, severity: settings.publication.normative.missingFields,
                text: Message("normative_fields", ["fields": missing.joined(separator: ", ")]), sources: ["S8", "S34"])
        ]
    }

    // MARK: S-FMT-DOCNO

    func documentNumberFormat(_ document: ClassifiedDocument) -> [Finding] {
        let ownNumbers = [document.elements.documentNumber?.text, document.metadata.documentNumber.map(Normalizer.normalized)]
        var found: [Finding] = []
        var seen: Set<String> = []
        for text in ownNumbers.compactMap({ $0 }) {
            guard let number = DocumentNumber.first(in: text, maxYear: asOf.year + 1), !number.isWellFormed,
                seen.insert(number.written).inserted
            else { continue }
            found.append(
                Finding(
                    ruleID: "document_number_format", kind: .format, severity: settings.publication.documentNumber.malformed,
                    text: Message(
                        "document_number_format",
                        ["number": number.written, "problems": number.problems.joined(separator: "; "), "canonical": number.canonical]),
                    location: document.elements.documentNumber?.line == nil ? nil : lineLocation(document, number.written),
                    sources: ["S5"]))
        }
        return found
    }

    // MARK: S-FMT-DATE

    func writtenDateFormat(_ document: ClassifiedDocument) -> [Finding] {
        guard let date = document.elements.writtenDate else { return [] }
        let t = date.text.filter { $0 != " " }
        let canonical = SimpleDate(parsing: t).map { "\($0.year)年\($0.month)月\($0.day)日" }
        let args = ["date": date.text, "canonical": canonical ?? ""]
        let text: Message
        if t.firstMatch(\.writtenDateChinese) != nil {
            text =
                canonical == nil
                ? Message("written_date_format.chinese_numerals_example", args) : Message("written_date_format.chinese_numerals", args)
        } else if t.firstMatch(\.writtenDatePadded) != nil {
            text = canonical == nil ? Message("written_date_format.zero_padded_example", args) : Message("written_date_format.zero_padded", args)
        } else {
            return []
        }
        return [
            Finding(
                ruleID: "written_date_format", kind: .format, severity: settings.publication.writtenDate.malformed, text: text,
                location: lineLocation(document, date.text), sources: ["S5"])
        ]
    }

    // MARK: X-02

    func minorParty(_ document: ClassifiedDocument) -> [Finding] {
        let reference = document.writtenDate ?? asOf
        for line in document.lines where line.part == .body {
            guard let c = line.text.captures(\.penaltyMinor) else { continue }
            var minor = c[3] != nil
            if let y = c[1].flatMap({ Int($0) }) {
                let month = c[2].flatMap { Int($0) } ?? 1
                minor = (reference.year - y) - ((reference.month, reference.day) < (month, 1) ? 1 : 0) < 18
            }
            guard minor else { continue }
            return [
                Finding(
                    ruleID: "penalty_minor", kind: .penaltyMasking, severity: settings.publication.penalty.minors,
                    text: Message("penalty_minor"), part: line.part, location: document.location(of: line.range), sources: ["S19"])
            ]
        }
        return []
    }

    // MARK: X-01

    func maskingTemplate(_ document: ClassifiedDocument) -> [Finding] {
        let templates: [(String, String?, Int, String.Pattern)] = [
            ("resident_id", settings.masking.residentID, 18, \.maskedResidentID),
            ("mobile", settings.masking.mobile, 11, \.maskedMobile),
        ]
        var found: [Finding] = []
        for (name, template, length, pattern) in templates {
            guard let template, let (keepStart, keepEnd) = Self.parseTemplate(template) else { continue }
            for line in document.lines where line.part == .body {
                guard let c = line.text.captures(pattern), let whole = c[0] else { continue }
                guard whole.count == length else { continue }
                let head = c[1]?.count ?? 0
                let tail = c[2]?.count ?? 0
                guard head != keepStart || tail != keepEnd else { continue }
                found.append(
                    Finding(
                        ruleID: "penalty_masking_template", kind: .penaltyMasking, severity: settings.publication.penalty.maskingTemplate,
                        text: Message("penalty_masking_template", ["what": name, "head": String(head), "tail": String(tail), "template": template]),
                        part: line.part, location: lineLocation(document, whole, in: line), masked: whole, sources: ["S19"]))
            }
        }
        return found
    }

    static func parseTemplate(_ t: String) -> (Int, Int)? {
        let parts = t.split(separator: "+").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// The location of the first occurrence of `needle` (normalized text) in the document or a line.
    func lineLocation(_ document: ClassifiedDocument, _ needle: String, in line: DocumentLine? = nil) -> SourceLocation? {
        let candidates = line.map { [$0] } ?? document.lines
        for l in candidates {
            guard let r = l.text.range(of: needle) else { continue }
            let start = l.range.lowerBound + l.text.utf8.distance(from: l.text.utf8.startIndex, to: r.lowerBound.samePosition(in: l.text.utf8)!)
            return document.location(of: start..<(start + needle.utf8.count))
        }
        return nil
    }
}
