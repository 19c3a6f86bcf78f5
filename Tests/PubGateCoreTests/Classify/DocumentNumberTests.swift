import TestSupport
import Testing

@testable import PubGateCore

@Suite struct DocumentNumberTests {
    @Test func wellFormedNumberIsCanonicalAsWritten() throws {
        let n = try #require(DocumentNumber.first(in: "本公发〔2025〕12号"))
        #expect(n.organ == "本公发" && n.year == 2025 && n.sequence == 12)
        #expect(n.canonical == "本公发〔2025〕12号")
        #expect(n.isWellFormed)
    }

    @Test(arguments: [
        ("本公发[2025]12号", "year in [] instead of 六角括号 〔〕"),
        ("本公发(2025)12号", "year in () instead of 六角括号 〔〕"),
        ("本公发〔25〕12号", "year not written in full"),
        ("X市财发〔1992〕字第36号", "extra 字第 before the sequence number"),
        ("本公发〔2025〕012号", "sequence number padded with zeros"),
    ])
    func variantsAreCanonicalisedAndReported(text: String, problem: String) throws {
        let n = try #require(DocumentNumber.first(in: Normalizer.normalized(text)))
        #expect(n.problems.contains(problem))
        #expect(n.canonical.contains("〔") && n.canonical.hasSuffix("号"))
    }

    @Test func fullWidthSquareBracketsMatchTheCanonicalForm() {
        let a = DocumentNumber.first(in: Normalizer.normalized("本公发［2021］6号"))
        let b = DocumentNumber.first(in: "本公发〔2021〕6号")
        #expect(a?.canonical == b?.canonical)
    }

    @Test func proseBeforeTheOrganCodeIsCutOff() {
        #expect(DocumentNumber.first(in: "市公安局印发本公发〔2025〕12号")?.organ == "本公发")
        #expect(DocumentNumber.first(in: "根据辽公审批〔2023〕9号")?.organ == "辽公审批")
    }

    @Test func yearAfterNextYearIsOutOfRange() {
        #expect(DocumentNumber.first(in: "本公发〔2031〕1号", maxYear: 2026)?.isWellFormed == false)
    }

    @Test func textWithoutANumberHasNone() {
        #expect(DocumentNumber.all(in: "2025年第3期公告，第12号").isEmpty)
    }

    /// The pattern runs only from the opening brackets before digit runs: it must find exactly
    /// what a search of every position finds.
    @Test(arguments: 0..<40) func searchFromBracketsFindsWhatTheWholeSearchFinds(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let pieces = [
            "本公发", "〔2025〕", "[2024]", "(2023)", "{22}", "【2021】", "〔 2020 〕", "(", "〔", "12", "3", "号", "字", "第",
            " ", "\t", "\n", "中", "((2019))", "(12345)", "2018",
        ]
        let text = (0..<(60 + 10 * seed)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        let bytes = Array(text.utf8)
        let whole = try LinePatterns.shared.documentNumber.regex.matches(in: bytes, validUTF8: true)
        var windowed: [Range<Int>] = []
        try LinePatterns.shared.documentNumber.regex.forEachMatch(
            in: bytes, startingWithin: DocumentNumber.openingBrackets(in: bytes), validUTF8: true
        ) {
            if let range = $0[0] { windowed.append(range) }
            return true
        }
        #expect(windowed == whole, "\(text)")
    }
}
