import Foundation
import Testing

@testable import PubGateCore

@Suite struct ReviewStoreTests {
    @Test func reviewsGoToDiskAndComeBackEqual() throws {
        let store = ReviewStore()
        let (_, findings) = scan("身份证号11010519491231002X", name: "a.txt")
        var description = DocumentDescription(path: "a.txt", sha256: "00", bytes: 1, format: .text)
        (description.encoding, description.docType, description.title) = (.utf8, .other, "题")
        let review = DocumentReview(description, verdict: DecideStage(policy: DecisionPolicy(settings: shippedSettings)).verdict(on: findings))
        let slot = store.store(review)
        guard case .disk(let offset, let length) = slot else {
            Issue.record("expected the review on disk, got \(slot)")
            return
        }
        #expect(offset == 0 && length > 0)
        let back = store.load(at: slot)
        #expect(try AtomicWriter.encodeJSON(back) == AtomicWriter.encodeJSON(review))
        guard case .disk(let second, _) = store.store(review) else { return }
        #expect(second == length)
    }

    @Test func theFileLeavesNoTraceInTheFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-store-\(lettersOnlyName())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = ReviewStore(directory: dir)
        _ = store.store(
            Stages.unreadable(
                path: "x", reason: "test", reasonID: "unscannable.cannot_read", decide: DecideStage(policy: DecisionPolicy(settings: shippedSettings))
            ))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}

/// Aggregation findings merged into a stored entry by its layout give the bytes and digest that
/// decoding the review, adding them and encoding it again gives.
@Suite struct ReviewStoreMergeTests {
    static let decide = DecideStage(policy: DecisionPolicy(settings: shippedSettings))

    static func review(_ text: String) -> DocumentReview {
        let (_, findings) = scan(Array(text.utf8), name: "a.txt")
        var description = DocumentDescription(path: "a.txt", sha256: "00", bytes: text.utf8.count, format: .text)
        (description.encoding, description.docType, description.title) = (.utf8, .other, "题")
        return DocumentReview(description, verdict: decide.verdict(on: findings))
    }

    @Test func mergedEntriesEqualDecodedAndEncodedOnes() throws {
        let store = ReviewStore()
        let texts = [
            "正文。", "身份证号11010519491231002X", "联系电话：0571-87654321，0571-87654322\n第二行 手机13912345678\n",
            "第一行\n办公电话0571-87654321\n失主联系手机13912345678。\n",
        ]
        var found = scan(Array("失主联系手机13812345678，办公电话0571-87650000".utf8), name: "b.txt").1
        var unplaced = try #require(found.first)
        unplaced.location = nil
        unplaced.ruleID = "aggregation_bulk"
        found.append(unplaced)
        #expect(found.count >= 2)
        for text in texts {
            for added in [found, [unplaced], [], Array(found.prefix(1))] {
                let review = Self.review(text)
                let slot = store.store(review)
                var expected = store.load(at: slot)
                expected.record(Self.decide.adding(added, to: expected.verdict))
                let merged = try #require(store.adding(added, at: slot, digest: DocumentDigest(review), decide: Self.decide))
                #expect(store.entry(at: merged.0) == ManifestWriter.entry(expected), "\(text) + \(added.count)")
                let digest = DocumentDigest(expected)
                #expect(merged.1.decision == digest.decision && merged.1.disposition == digest.disposition)
                #expect(merged.1.reasons == digest.reasons && merged.1.blocking == digest.blocking && merged.1.kinds == digest.kinds)
            }
        }
    }

    @Test func anEntryThatDoesNotReadByItsLayoutIsLeftToTheDecoder() {
        let store = ReviewStore()
        let unreadable = Stages.unreadable(path: "x", reason: "test", reasonID: "unscannable.cannot_read", decide: Self.decide)
        #expect(store.adding([], at: store.store(unreadable), digest: DocumentDigest(unreadable), decide: Self.decide) == nil)
        #expect(ManifestEntry(Array("{\"a\": 1}".utf8)) == nil)
        #expect(ManifestEntry(Array("    {\n      a : 1\n    }".utf8)) == nil)
        #expect(ManifestEntry(Array("    {\n      \"a\" : 1\n      \"b\" : 2\n    }".utf8)) == nil)
        #expect(ManifestEntry(Array("    {\n      \"a\" : 1,\n      \"b\" : 2\n    }".utf8))?.members.map(\.key) == ["a", "b"])
    }
}
