import Foundation
import Testing

@testable import PubGateCore

@Suite struct RawInputTests {
    @Test func readsEveryByteAndRefusesWhatIsNotAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-raw-\(lettersOnlyName())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Larger than one read, not a multiple of it.
        let bytes = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = dir.appendingPathComponent("a.txt")
        try Data(bytes).write(to: file)
        #expect(RawInput(contentsOf: file.path)?.bytes == bytes)
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        #expect(RawInput(contentsOf: dir.appendingPathComponent("empty.txt").path)?.bytes == [])
        #expect(RawInput(contentsOf: dir.path) == nil)
        #expect(RawInput(contentsOf: dir.appendingPathComponent("missing.txt").path) == nil)
    }
}
