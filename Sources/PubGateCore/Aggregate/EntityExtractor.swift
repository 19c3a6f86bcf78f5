import BytesKit
import PCRE2Kit

/// Extracts the entities the aggregation rules combine (issue "Aggregate stage" §2): persons from
/// identity numbers (full and masked) with the name and attributes on the same line, and the
/// police operational categories a document reveals with their day and places.
///
/// Works line by line on the normalized text: a list or table row is one line, so a row's name,
/// number and phone belong together.
enum EntityExtractor {
    static let notNames: Set<String> = [
        "姓名", "性别", "身份证", "号码", "合格", "男", "女", "序号", "准驾车型", "档案编号", "公民身份", "身份号码", "证件号码",
        "治安辅警", "户籍辅警", "巡逻辅警", "交通辅警", "超过有效期", "拟聘岗位", "体检结论", "成绩", "备注", "住址", "联系电话",
    ]

    static func persons(in text: NormalizedText, lines: [DocumentLine], asOf: SimpleDate) -> [PersonMention] {
        // Every identity number, found once over the whole text, then placed on its line. An 18- or
        // 15-character number (``LinePatterns/identity``), possibly masked with * (full-width * is
        // ASCII after NFKC), can only start where a run of at least 14 digits and stars starts
        // (``runStarts(in:)``).
        var numbers: [(line: Int, range: Range<Int>, token: String)] = []
        try? LinePatterns.shared.identity.regex.forEachMatch(in: text.utf8, startingWithin: runStarts(in: text.utf8), validUTF8: true) { groups in
            guard let r = groups[1], let k = lineIndex(containing: r.lowerBound, in: lines) else { return true }
            let start = lines[k].range.lowerBound
            numbers.append((k, (r.lowerBound - start)..<(r.upperBound - start), String(decoding: text.utf8[r], as: UTF8.self)))
            return true
        }
        var found: [PersonMention] = []
        for (n, number) in numbers.enumerated() {
            let digits: [Character?] = number.token.map { $0 == "*" ? nil : Character($0.uppercased()) }
            let shown = digits.compactMap { $0 }.count
            let valid =
                digits.count == 18
                ? Validators.residentID18(Array(number.token.uppercased()), asOf: asOf) : Validators.residentID15(Array(number.token), asOf: asOf)
            guard shown >= 4, shown < digits.count || valid else { continue }
            let text = lines[number.line].text
            let bytes = Array(text.utf8)
            var before = String(decoding: bytes[..<number.range.lowerBound], as: UTF8.self)
            var after = String(decoding: bytes[number.range.upperBound...], as: UTF8.self)
            // An HTML table gives each cell its own line: the row is the lines between the previous
            // number's line and the next one's (at most 4 either side).
            var personName = name(before: before)
            if personName == nil {
                let previous = n > 0 ? numbers[n - 1].line : -1
                let next = n + 1 < numbers.count ? numbers[n + 1].line : lines.count
                let from = max(previous + 1, number.line - 4)
                let to = min(next, number.line + 5)
                if from < number.line {
                    before = lines[from..<number.line].map(\.text).joined(separator: " ") + " " + before
                    personName = name(before: before)
                }
                if number.line + 1 < to { after += " " + lines[(number.line + 1)..<to].map(\.text).joined(separator: " ") }
            }
            var attributes: Set<PersonMention.Attribute> = [.identityNumber]
            if personName != nil { attributes.insert(.name) }
            attributes.formUnion(Self.attributes(around: before + " " + after))
            if digits.count == 18, digits[6...13].allSatisfy({ $0 != nil }) { attributes.insert(.birth) }
            found.append(PersonMention(name: personName, digits: digits, attributes: attributes, line: lines[number.line].line))
        }
        return found
    }

    /// Where each run of at least 14 ASCII digits and stars starts: the only places an identity
    /// number can (the pattern's lookbehind rules out the rest of a run): ``DigitRuns`` instead of
    /// PCRE2 trying every position of the text.
    static func runStarts(in bytes: [UInt8]) -> [ClosedRange<Int>] {
        var starts: [ClosedRange<Int>] = []
        DigitRuns.forEach(in: bytes, minLength: 14, stars: true) { run in
            starts.append(run.lowerBound...run.lowerBound)
        }
        return starts
    }

    /// The line whose byte range holds `offset` (lines are in order and do not overlap).
    static func lineIndex(containing offset: Int, in lines: [DocumentLine]) -> Int? {
        var lo = 0
        var hi = lines.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = lines[mid].range
            if offset < r.lowerBound { hi = mid - 1 } else if offset >= r.upperBound { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// The nearest 2–4 character Han run before the number that reads as a name.
    static func name(before text: String) -> String? {
        let bytes = Array(text.utf8)
        var runs: [String] = []
        try? LinePatterns.shared.nameRun.regex.forEachMatch(in: bytes, validUTF8: true) { groups in
            if let r = groups[0] { runs.append(String(decoding: bytes[r], as: UTF8.self)) }
            return true
        }
        return runs.last { !notNames.contains($0) && !$0.hasSuffix("号码") && !$0.contains("身份") }
    }

    /// The evidence of each attribute class near a number (PCRE2, JIT: these run once per person).
    /// The evidence of each attribute class near a number (PCRE2, JIT: these run once per person).
    private static let attributePatterns: [(PersonMention.Attribute, PCRE2Regex)] = {
        let p = LinePatterns.shared
        return [
            (.phone, p.attributePhone.regex), (.birth, p.attributeBirth.regex), (.address, p.attributeAddress.regex),
            (.caseRole, p.attributeCaseRole.regex), (.health, p.attributeHealth.regex),
        ]
    }()

    static func attributes(around text: String) -> Set<PersonMention.Attribute> {
        let bytes = Array(text.utf8)
        var a: Set<PersonMention.Attribute> = []
        for (attribute, regex) in attributePatterns where ((try? regex.firstMatch(in: bytes, validUTF8: true)) ?? nil) != nil {
            a.insert(attribute)
        }
        return a
    }

    // MARK: Operations

    /// Each category's evidence, as PCRE2 over the whole normalized text (JIT; a line is `[^\n]`).
    /// Each category's evidence, as PCRE2 over the whole normalized text (JIT; a line is `[^\n]`).
    private static let categoryPatterns: [(OperationalSummary.Category, PCRE2Regex)] = {
        let p = LinePatterns.shared
        return [
            (.timeWindow, p.operationTimeWindow.regex), (.route, p.operationRoute.regex), (.facilitySites, p.operationFacilitySites.regex),
            (.equipment, p.operationEquipment.regex), (.deployment, p.operationDeployment.regex),
            (.communications, p.operationCommunications.regex), (.personnel, p.operationPersonnel.regex),
        ]
    }()
    /// Literal words one of which a category's pattern needs: a cheap memchr test before the regex.
    private static let categoryKeywords: [OperationalSummary.Category: [[UInt8]]] = [
        .timeWindow: ["时"], .route: ["管制路段", "途经", "路线"],
        .facilitySites: ["服务站", "警务站", "执勤点", "卡点", "检查站", "岗亭", "勤务点", "集结点", "安检通道", "备勤点"],
        .equipment: ["探测", "安检机", "检测仪", "对讲机", "无人机", "警车", "防暴", "警犬"],
        .deployment: ["警力", "民警", "辅警", "特警"], .communications: ["频道", "通信保障", "电台呼号"],
        .personnel: ["带班领导", "现场指挥", "指挥长"],
    ].mapValues { $0.map { Array($0.utf8) } }
    private static let month = Array("月".utf8)
    private static let hour = Array("时".utf8)

    /// The two bytes before each 月 (found with `memchr`/`memcmp`): where a day pattern's match
    /// can start, instead of PCRE2 trying every position of the text. The byte before a 月 ends
    /// each window, as a prefilter hit ends a rule's (``Prefilter/windows(ends:maxWidth:)``).
    static func monthStarts(in text: [UInt8]) -> [ClosedRange<Int>] {
        var ends: [Int] = []
        var from = 0
        while let at = LiteralSearch.firstIndex(of: month, in: text, from: from) {
            if at >= 1 { ends.append(at - 1) }
            from = at + month.count
        }
        return Prefilter.windows(ends: ends, maxWidth: 1)
    }

    /// The operational categories, days and places of a document's normalized text.
    static func operations(in text: [UInt8]) -> OperationalSummary {
        var s = OperationalSummary()
        guard LiteralSearch.contains(hour, in: text) else { return s }
        // Days first: without a day a document cannot join an operation, so nothing else is needed.
        try? LinePatterns.shared.operationDay.regex.forEachMatch(in: text, startingWithin: monthStarts(in: text), validUTF8: true) { g in
            if let m = g[1], let d = g[2] {
                s.days.insert(String(decoding: text[m], as: UTF8.self) + "-" + String(decoding: text[d], as: UTF8.self))
            }
            return true
        }
        guard !s.days.isEmpty else { return s }
        for (category, regex) in categoryPatterns {
            guard categoryKeywords[category]!.contains(where: { LiteralSearch.contains($0, in: text) }) else { continue }
            if ((try? regex.firstMatch(in: text, validUTF8: true)) ?? nil) != nil { s.categories.insert(category) }
        }
        guard !s.categories.isEmpty else { return OperationalSummary() }
        try? LinePatterns.shared.operationPlace.regex.forEachMatch(in: text, validUTF8: true) { g in
            if let r = g[0] { s.places.insert(String(decoding: text[r], as: UTF8.self)) }
            return true
        }
        return s
    }
}
