import EncodingKit
import ICUKit

/// How a 保密 reviewer reads a match before calling it a disclosure, as checks any rule can ask for
/// instead of a list of exceptions per word.
///
/// - **Words**: Chinese has no spaces, so a lexicon term can straddle two words (布警 in 发布|警情).
///   A term counts only when it starts and ends at word boundaries (ICU's dictionary segmentation
///   of the text around it).
/// - **Mention, not disclosure**: a sentence that forbids a category (严禁发布…警力部署), lists
///   categories without a value (进货渠道、供应商资质、进货价格), cites a title (《…考核结果的通知》),
///   quotes a term, or gives an instruction as its basis (根据领导批示) names what it does not
///   disclose. What follows a colon is content, so a heading `警力部署：` stays a disclosure.
///
/// Works on the matching copy (normalized UTF-8; full-width colons and brackets are ASCII there).
struct ReaderContext {
    let utf8: [UInt8]

    /// How many characters on each side are segmented or read as the clause.
    static let wordWindow = 12
    static let clauseWindow = 80

    // MARK: Words

    /// True when the match at `range` starts or ends inside a word of its surroundings.
    func crossesWords(_ range: Range<Int>) -> Bool {
        let before = scalars(before: range.lowerBound, limit: Self.wordWindow, stopAt: Self.lineBreaks)
        let match = Self.decode(utf8[range])
        let after = scalars(after: range.upperBound, limit: Self.wordWindow, stopAt: Self.lineBreaks)
        guard match.contains(where: { $0.properties.isIdeographic }) else { return false }
        guard let breaks = WordBreaks.boundaries(of: before + match + after) else { return false }
        return !breaks.contains(before.count) || !breaks.contains(before.count + match.count)
    }

    /// True when the two characters at `offset` make one word of the dictionary (陈述, 张贴, 高速):
    /// a surname there opens a word, not a name.
    func twoCharacterWord(at offset: Int) -> Bool {
        let before = scalars(before: offset, limit: Self.wordWindow, stopAt: Self.lineBreaks)
        let after = scalars(after: offset, limit: Self.wordWindow, stopAt: Self.lineBreaks)
        guard after.count >= 2, let breaks = WordBreaks.boundaries(of: before + after) else { return false }
        let start = before.count
        return breaks.contains(start) && !breaks.contains(start + 1) && breaks.contains(start + 2)
    }

    // MARK: Mentions

    /// Why the match only mentions its category (a `trace.mention_*` sentence: the scan lowers such
    /// a match to warn), or nil when it may disclose it.
    func mention(_ range: Range<Int>) -> Reason? {
        let before = scalars(before: range.lowerBound, limit: Self.clauseWindow, stopAt: Self.clauseBreaks)
        let after = scalars(after: range.upperBound, limit: Self.clauseWindow, stopAt: Self.clauseBreaks)
        let next = scalar(at: range.upperBound + after.utf8Count)
        // A colon right after the term (警力部署：, 警力部署安排如下：) introduces what it names.
        if next == ":", after.count <= 6 { return nil }
        let lead = String(String.UnicodeScalarView(before))
        let tail = String(String.UnicodeScalarView(after))
        if let open = before.lastIndex(of: "《"), !before[open...].contains("》"), after.contains("》") {
            return Reason.text("trace.mention_cited")
        }
        if before.last == "“" || before.last == "「", after.first == "”" || after.first == "」" {
            return Reason.text("trace.mention_quoted")
        }
        if let cue = Self.prohibitions.first(where: { lead.contains($0) }) { return Reason.text("trace.mention_forbidden", ["cue": cue]) }
        if let cue = Self.bases.first(where: { lead.hasSuffix($0) || lead.contains($0) && !lead.contains("，") && !lead.contains(",") }) {
            return Reason.text("trace.mention_basis", ["cue": cue])
        }
        // The phrase between commas: a list of categories there carries no number.
        let phrase =
            String(lead.split(separator: ",", omittingEmptySubsequences: false).last ?? "")
            + String(String.UnicodeScalarView(Self.decode(utf8[range])))
            + String(tail.split(separator: ",", omittingEmptySubsequences: false).first ?? "")
        if phrase.filter({ $0 == "、" }).count >= 2 || before.last == "、" || after.first == "、",
            !phrase.contains(where: { $0.isASCII && $0.isNumber })
        {
            return Reason.text("trace.mention_listed")
        }
        return nil
    }

    static let prohibitions = ["严禁", "禁止", "不得", "不准", "切勿", "请勿", "严防", "防止", "杜绝", "避免", "不要", "不能", "不应"]
    static let bases = ["根据", "按照", "依据", "遵照", "落实", "贯彻"]

    // MARK: Tables

    /// A column whose header names a number of a document or a thing (决定书编号, 准考证号, 案号,
    /// 流水号): a digit run in it is that number, not a phone or a card that happens to fit
    /// (``LinePatterns/thingHeader``, unless it also names a person's number).
    static func columnNamesAThing(_ header: String) -> Bool {
        header.firstMatch(\.thingHeader) != nil && header.firstMatch(\.personHeader) == nil
    }

    // MARK: Scalars

    static let lineBreaks: Set<UInt8> = [0x0A]
    /// 。！？；, line breaks and colons end a clause (normalized text has ASCII ! ? ; :).
    static let clauseBreaks: Set<UInt8> = [0x0A, UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":")]
    static let fullStop: [UInt8] = Array("。".utf8)

    private func scalar(at offset: Int) -> Unicode.Scalar? {
        guard offset < utf8.count else { return nil }
        return Unicode.Scalar(UTF8Bytes.scalar(at: offset, in: utf8).value)
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar] {
        Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    }

    /// Up to `limit` scalars ending at `offset`, stopping after a break byte or 。.
    private func scalars(before offset: Int, limit: Int, stopAt breaks: Set<UInt8>) -> [Unicode.Scalar] {
        var start = offset
        var n = 0
        while start > 0, n < limit {
            var s = start - 1
            while s > 0, utf8[s] & 0xC0 == 0x80 { s -= 1 }
            if breaks.contains(utf8[s]) || utf8[s...].starts(with: Self.fullStop) && breaks != Self.lineBreaks { break }
            start = s
            n += 1
        }
        return Self.decode(utf8[start..<offset])
    }

    /// Up to `limit` scalars from `offset`, stopping before a break byte or 。.
    private func scalars(after offset: Int, limit: Int, stopAt breaks: Set<UInt8>) -> [Unicode.Scalar] {
        var end = offset
        var n = 0
        while end < utf8.count, n < limit {
            if breaks.contains(utf8[end]) || utf8[end...].starts(with: Self.fullStop) && breaks != Self.lineBreaks { break }
            end += 1
            while end < utf8.count, utf8[end] & 0xC0 == 0x80 { end += 1 }
            n += 1
        }
        return Self.decode(utf8[offset..<end])
    }
}

extension Array where Element == Unicode.Scalar {
    /// The UTF-8 length of these scalars.
    var utf8Count: Int { reduce(0) { $0 + UTF8.width($1) } }
}
