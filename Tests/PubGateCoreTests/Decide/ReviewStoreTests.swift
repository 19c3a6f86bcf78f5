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
