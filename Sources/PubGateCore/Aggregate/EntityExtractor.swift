import PCRE2Kit

/// Extracts the entities the aggregation rules combine (issue "Aggregate stage" §2): persons from
/// identity numbers (full and masked) with the name and attributes on the same line, and the
/// police operational categories a document reveals with their day and places.
///
/// Works line by line on the normalized text: a list or table row is one line, so a row's name,
/// number and phone belong together.
public enum EntityExtractor {
    // An 18- or 15-character identity number, possibly masked with * (full-width * is ASCII after NFKC).
    private static let identity = try! Regex(#"(?<![0-9A-Za-z*])([0-9*]{14}[0-9*Xx]|[0-9*]{17}[0-9*Xx])(?![0-9A-Za-z*])"#)
    private static let nameRun = try! Regex(#"\p{Han}{2,4}"#)
    static let notNames: Set<String> = [
        "姓名", "性别", "身份证", "号码", "合格", "男", "女", "序号", "准驾车型", "档案编号", "公民身份", "身份号码", "证件号码",
        "治安辅警", "户籍辅警", "巡逻辅警", "交通辅警", "超过有效期", "拟聘岗位", "体检结论", "成绩", "备注", "住址", "联系电话",
    ]

    public static func persons(in lines: [DocumentLine], asOf: SimpleDate) -> [PersonMention] {
        // Every identity number, by line.
        var numbers: [(line: Int, range: Range<Int>, token: String)] = []
        for (k, line) in lines.enumerated() {
            let bytes = Array(line.text.utf8)
            guard bytes.count >= 15 else { continue }
            try? identity.forEachMatch(in: bytes) { groups in
                if let r = groups[1] { numbers.append((k, r, String(decoding: bytes[r], as: UTF8.self))) }
                return true
            }
        }
        var found: [PersonMention] = []
        for (n, number) in numbers.enumerated() {
            let digits: [Character?] = number.token.map { $0 == "*" ? nil : Character($0.uppercased()) }
            let shown = digits.compactMap { $0 }.count
            let valid = digits.count == 18
                ? Validators.residentID18(Array(number.token.uppercased()), asOf: asOf) : Validators.residentID15(Array(number.token), asOf: asOf)
            guard shown >= 4, shown < digits.count || valid else { continue }
            let text = lines[number.line].text
            let bytes = Array(text.utf8)
            var before = String(decoding: bytes[..<number.range.lowerBound], as: UTF8.self)
            var after = String(decoding: bytes[number.range.upperBound...], as: UTF8.self)
            // An HTML table gives each cell its own line: the row is the lines between the previous
            // number's line and the next one's (at most 4 either side).
            if name(before: before) == nil {
                let previous = n > 0 ? numbers[n - 1].line : -1
                let next = n + 1 < numbers.count ? numbers[n + 1].line : lines.count
                let from = max(previous + 1, number.line - 4)
                let to = min(next, number.line + 5)
                if from < number.line { before = lines[from..<number.line].map(\.text).joined(separator: " ") + " " + before }
                if number.line + 1 < to { after += " " + lines[(number.line + 1)..<to].map(\.text).joined(separator: " ") }
            }
            var attributes: Set<PersonMention.Attribute> = [.identityNumber]
            let personName = name(before: before)
            if personName != nil { attributes.insert(.name) }
            attributes.formUnion(Self.attributes(of: text, around: before + " " + after))
            if digits.count == 18, digits[6...13].allSatisfy({ $0 != nil }) { attributes.insert(.birth) }
            found.append(PersonMention(name: personName, digits: digits, attributes: attributes, line: lines[number.line].line))
        }
        return found
    }

    /// The nearest 2–4 character Han run before the number that reads as a name.
    static func name(before text: String) -> String? {
        let bytes = Array(text.utf8)
        var runs: [String] = []
        try? nameRun.forEachMatch(in: bytes) { groups in
            if let r = groups[0] { runs.append(String(decoding: bytes[r], as: UTF8.self)) }
            return true
        }
        return runs.last { !notNames.contains($0) && !$0.hasSuffix("号码") && !$0.contains("身份") }
    }

    static func attributes(of line: String, around text: String) -> Set<PersonMention.Attribute> {
        var a: Set<PersonMention.Attribute> = []
        if text.firstMatch(#"1[3-9][0-9][0-9*]{4}[0-9]{4}"#) != nil { a.insert(.phone) }
        if text.firstMatch(#"[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:出生|生)|[0-9]{1,3}岁"#) != nil { a.insert(.birth) }
        if text.firstMatch(#"住址|家住|户籍地|现住|[路街巷]\d+号"#) != nil { a.insert(.address) }
        if text.firstMatch(#"违法行为人|当事人|被处罚人|受害人|被害人|犯罪嫌疑人|嫌疑人|证人|报案人"#) != nil { a.insert(.caseRole) }
        if text.firstMatch(#"病|残疾|诊断|体检结论|精神"#) != nil { a.insert(.health) }
        return a
    }

    // MARK: Operations (A-04)

    public static func operations(in lines: [DocumentLine]) -> OperationalSummary {
        var s = OperationalSummary()
        for line in lines where line.part == .body || line.part == .hidden {
            let t = line.text
            for c in t.allCaptures(#"(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日[^。;]{0,12}?[0-9]{1,2}时"#) {
                guard let m = c[2], let d = c[3] else { continue }
                s.days.insert("\(m)-\(d)")
                s.categories.insert(.timeWindow)
            }
            if t.firstMatch(#"[0-9]{1,2}时(?:[0-9]{1,2}分)?(?:至|到|—|-)[0-9]{1,2}时"#) != nil { s.categories.insert(.timeWindow) }
            let roads = Set(t.allCaptures(#"(\p{Han}{2,6}(?:路|街|大道|大桥|桥))"#).compactMap { $0[1] })
            if roads.count >= 3 || t.firstMatch(#"管制路段|途经|行进路线|巡逻路线|路线"#) != nil && roads.count >= 2 {
                s.categories.insert(.route)
            }
            if t.firstMatch(#"(?:服务站|警务站|执勤点|卡点|检查站|岗亭|勤务点|集结点|安检通道|备勤点)"#) != nil,
                t.firstMatch(#"[0-9一二三四五六七八九十]+\s?(?:处|个|条)"#) != nil || t.firstMatch(#"^[0-9]+[.、]"#) != nil
            {
                s.categories.insert(.facilitySites)
            }
            if t.firstMatch(#"[0-9]+\s?(?:台|部|架|辆|套)[^。]{0,6}|(?:探测门|探测器|安检机|检测仪|对讲机|无人机|警车|防暴)[^。]{0,8}[0-9]+\s?(?:台|部|架|辆|套)"#) != nil,
                t.firstMatch(#"探测|安检机|检测仪|对讲|无人机|警车|装备|防暴|警犬"#) != nil
            {
                s.categories.insert(.equipment)
            }
            if t.firstMatch(#"(?:警力|民警|辅警|特警)[^。]{0,6}[0-9]+\s?(?:名|人)|[0-9]+\s?名(?:民警|警力|特警)"#) != nil {
                s.categories.insert(.deployment)
            }
            if t.firstMatch(#"频道|对讲机频率|通信保障|电台"#) != nil { s.categories.insert(.communications) }
            if t.firstMatch(#"带班领导|现场指挥|指挥长|负责人[:：]\s?\p{Han}{2,3}"#) != nil { s.categories.insert(.personnel) }
            for c in t.allCaptures(#"(\p{Han}{2,8}(?:路|大街|大桥|广场|体育中心|公园|体育场|马拉松赛|运动会|演唱会))"#) {
                if let p = c[1] { s.places.insert(p) }
            }
        }
        return s
    }
}
