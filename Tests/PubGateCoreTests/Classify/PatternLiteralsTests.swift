import PCRE2Kit
import Testing

@testable import PubGateCore

@Suite struct PatternLiteralsTests {
    private func literals(_ pattern: String) -> [String]? {
        PatternLiterals.required(in: pattern)?.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func readsOpeningRunsAndGroups() {
        #expect(literals("解读(?:单位|机关|部门|人) ?:") == ["解读"])
        #expect(literals("举办|举行|开展") == ["举办", "举行", "开展"])
        #expect(literals("(?:建议|提案|议案)(?:已)?收悉") == ["建议", "提案", "议案"])
        #expect(literals("宣布失效|废止的(?:规范性)?文件") == ["宣布失效", "废止的"])
        // A quantified character is optional: the run stops before it.
        #expect(literals("公示期?限") == ["公示"])
    }

    @Test func givesNoGateForShapesItDoesNotRead() {
        #expect(literals("(?:^|讯 ?: ?)(?:日前|近日)") == nil)
        #expect(literals("[0-9]{1,2}月") == nil)
        #expect(literals("(?:建议|提案)?收悉") == nil)
        #expect(literals("(?i)notice") == nil)
        #expect(literals("通知|") == nil)
        // Letters that fold case end a literal: a caseless pattern would match them otherwise.
        #expect(literals("ICP备案") == nil)
        #expect(literals("第[一二三]+条") == ["第"])
    }

    @Test func literalSetFindsEveryLiteralInOnePass() {
        let set = LiteralSet(["提案", "提案收悉", "收悉", "ICP", "附件", "😀笑"].map { Array($0.utf8) })
        // Overlapping literals and literals that start alike are all found; one above U+FFFF counts as present.
        #expect(set.present(in: Array("您提出的提案收悉，ICP".utf8)) == [true, true, true, true, false, true])
        #expect(set.present(in: Array("意见已收到".utf8)) == [false, false, false, false, false, true])
    }

    @Test func typeRulesGateBodyCuesOnTheirLiterals() throws {
        let cue = DocumentTypeCue(title: nil, column: nil, body: try PCRE2Regex("(?:建议|提案)收悉"), documentNumber: nil, has: [], weight: 3)
        #expect(cue.bodyGate == [Array("建议".utf8), Array("提案".utf8)])
        let rules = DocumentTypeRules(types: [(type: .foiReply, cues: [cue])])
        let with = DocumentFacts(title: nil, column: nil, body: "您提出的提案收悉，现答复如下", documentNumber: nil, present: [])
        let without = DocumentFacts(title: nil, column: nil, body: "您提出的意见已收到", documentNumber: nil, present: [])
        #expect(rules.type(of: with) == .foiReply)
        #expect(rules.type(of: without) == .other)
    }
}
