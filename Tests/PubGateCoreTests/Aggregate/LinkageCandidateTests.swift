import TestSupport
import Testing

@testable import PubGateCore

@Suite struct LinkageCandidateTests {
    /// Bucketing by the first four characters never loses a pair that could be the same number.
    @Test func everyCompatiblePairIsACandidate() {
        var generator = SeededRandom(seed: 4)
        for _ in 0..<50 {
            let mentions = (0..<40).map { _ -> PersonMention in
                let length = [15, 18].randomElement(using: &generator)!
                let digits: [Character?] = (0..<length).map { _ in
                    Bool.random(using: &generator) && Bool.random(using: &generator) ? nil : "1122".randomElement(using: &generator)!
                }
                return PersonMention(name: "张三", digits: digits, attributes: [.identityNumber], line: 1)
            }
            let candidates = Set(LinkageCheck.candidatePairs(mentions).map { "\($0.0)-\($0.1)" })
            for a in mentions.indices {
                for b in mentions.indices where b > a && mentions[a].isCompatible(with: mentions[b]) {
                    #expect(candidates.contains("\(a)-\(b)"))
                }
            }
            let keys: [String] = LinkageCheck.candidatePairs(mentions).map { "\($0.0)-\($0.1)" }
            #expect(Set(keys).count == keys.count)
        }
    }
}
