import BytesKit
import EncodingKit
import Foundation
import PCRE2Kit

/// A 发文字号 (文号) such as 本公发〔2025〕12号, parsed from text (docs/domain.md §3, RX-DOCNO).
///
/// The canonical form (〔〕 brackets, no spaces, no 字/第, no padding zeros) is what links documents
/// to each other — a 解读 to its policy, a 废止 sentence to the page it repeals — whatever bracket
/// variant each was typed with. The problems list what GB/T 9704 forbids in the document's own number.
struct DocumentNumber: Sendable, Hashable, Codable {
    /// 机关代字, e.g. 本公发.
    let organ: String
    let year: Int
    let sequence: Int
    /// `organ〔year〕sequence号`.
    let canonical: String
    /// The number as written (normalized text).
    let written: String
    /// Deviations from GB/T 9704 (empty when well formed).
    let problems: [String]

    var isWellFormed: Bool { problems.isEmpty }

    // Normalized text: NFKC has already turned （）［］ into ASCII and ﹝﹞ into 〔〕.
    private static let numberSign = Array("号".utf8)
    /// Longest 机关代字 read back from the bracket.
    static let maxOrganLength = 12

    /// Every 文号 in `text`, in order.
    static func all(in text: String, maxYear: Int = 9999) -> [DocumentNumber] {
        all(in: Array(text.utf8), maxYear: maxYear)
    }

    /// Every 文号 in normalized UTF-8 `bytes`, in order.
    static func all(in bytes: [UInt8], maxYear: Int = 9999) -> [DocumentNumber] {
        guard LiteralSearch.contains(numberSign, in: bytes) else { return [] }
        var found: [DocumentNumber] = []
        try? LinePatterns.shared.documentNumber.regex.forEachMatch(in: bytes, startingWithin: openingBrackets(in: bytes), validUTF8: true) { groups in
            let s = { (i: Int) -> String? in groups[i].map { String(decoding: bytes[$0], as: UTF8.self) } }
            guard let whole = groups[0], let lb = s(1), let year = s(2), let rb = s(3), let seq = s(6) else { return true }
            let organ = organCode(before: whole.lowerBound, in: bytes)
            guard !organ.isEmpty else { return true }
            found.append(
                DocumentNumber(
                    organ: organ, bracketsOpen: lb, close: rb, year: year, zi: s(4) != nil, di: s(5) != nil, sequence: seq,
                    written: organ + String(decoding: bytes[whole], as: UTF8.self), maxYear: maxYear))
            return true
        }
        return found
    }

    /// Where a 文号 can start: an opening bracket followed (spaces and tabs between) by two or more
    /// digits. Each kind of bracket is found with `memchr`/`memcmp` (``LiteralSearch``): brackets
    /// are rarer than digit runs, which every date and figure of a text makes, and looking at the
    /// runs was a walk over every word of the text.
    static func openingBrackets(in bytes: [UInt8]) -> [ClosedRange<Int>] {
        var starts: [Int] = []
        let digit = { (i: Int) in i < bytes.count && (0x30...0x39).contains(bytes[i]) }
        for bracket in Self.openers {
            var from = 0
            while let at = LiteralSearch.firstIndex(of: bracket, in: bytes, from: from) {
                var p = at + bracket.count
                while p < bytes.count, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 }
                if digit(p), digit(p + 1) { starts.append(at) }
                from = at + bracket.count
            }
        }
        return starts.sorted().map { $0...$0 }
    }

    /// `(`, `[`, `{`, 〔 (E3 80 94) and 【 (E3 80 90).
    private static let openers: [[UInt8]] = [[0x28], [0x5B], [0x7B], [0xE3, 0x80, 0x94], [0xE3, 0x80, 0x90]]

    /// The Han characters and Latin letters right before `end` (spaces between skipped), at most
    /// ``maxOrganLength``, beginning with a Han character.
    static func organCode(before end: Int, in bytes: [UInt8]) -> String {
        var start = end
        while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
        let stop = start
        var chars = 0
        var i = start
        while i > 0, chars < maxOrganLength {
            var j = i - 1
            while j > 0, bytes[j] & 0xC0 == 0x80 { j -= 1 }
            guard let scalar = String(decoding: bytes[j..<i], as: UTF8.self).unicodeScalars.first, isOrganCharacter(scalar) else { break }
            i = j
            chars += 1
        }
        var organ = String(decoding: bytes[i..<stop], as: UTF8.self)
        while let first = organ.unicodeScalars.first, !isHan(first) { organ.unicodeScalars.removeFirst() }
        return organ
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x3400...0x4DBF).contains(s.value) || (0x4E00...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
            || (0x20000...0x3134F).contains(s.value)
    }

    static func isOrganCharacter(_ s: Unicode.Scalar) -> Bool {
        isHan(s) || (s.isASCII && s.properties.isAlphabetic)
    }

    /// The first 文号 in `text`, if any.
    static func first(in text: String, maxYear: Int = 9999) -> DocumentNumber? {
        all(in: text, maxYear: maxYear).first
    }

    /// Words that end running prose before a 机关代字 (印发本公发〔…〕 → 本公发): a match starts at the
    /// leftmost Han character, so the organ code is cut after the last of them.
    private static let proseEnds = ["印发", "转发", "根据", "按照", "依据", "依照", "执行", "关于", "废止", "的", "及", "和", "与", "将", "对"]
        .map { Array($0.unicodeScalars) }

    /// By scalar (an organ code is Han characters and Latin letters, one scalar each): Foundation's
    /// backward `range(of:)` was over a percent of a review.
    static func trimLeadingProse(_ organ: String) -> String {
        let scalars = UTF8Bytes.scalars(of: organ)
        var best = 0
        for word in proseEnds where word.count <= scalars.count {
            // The last occurrence counts, and only when two characters follow it.
            guard
                let at = stride(from: scalars.count - word.count, through: 0, by: -1)
                    .first(where: { scalars[$0..<($0 + word.count)].elementsEqual(word) })
            else { continue }
            let end = at + word.count
            if scalars.count - end >= 2, end > best { best = end }
        }
        return UTF8Bytes.string(scalars[best...])
    }

    private init(
        organ: String, bracketsOpen lb: String, close rb: String, year: String, zi: Bool, di: Bool, sequence: String,
        written: String, maxYear: Int
    ) {
        var problems: [String] = []
        if lb != "〔" || rb != "〕" { problems.append("year in \(lb)\(rb) instead of 六角括号 〔〕") }
        var y = Int(year) ?? 0
        if year.count != 4 {
            problems.append("year not written in full")
            y += y < 50 ? 2000 : 1900
        } else if y < 1949 || y > maxYear {
            problems.append("year \(y) out of range")
        }
        if zi || di { problems.append("extra \(zi ? "字" : "")\(di ? "第" : "") before the sequence number") }
        if sequence.count > 1 && sequence.hasPrefix("0") { problems.append("sequence number padded with zeros") }
        let n = Int(sequence) ?? 0
        let organ = Self.trimLeadingProse(organ)
        self.organ = organ
        self.year = y
        self.sequence = n
        self.canonical = "\(organ)〔\(y)〕\(n)号"
        self.written = written
        self.problems = problems
    }
}
