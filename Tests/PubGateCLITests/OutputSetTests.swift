import Foundation
import Testing

/// The files of a review are one set: a run killed before or after its commit leaves the previous
/// set or the new one, never a mixture, and the next run removes what the killed one left.
@Suite struct OutputSetTests {
    typealias CLI = ReviewCommandTests

    /// `manifest.json`, `approve.json` and `reject.json` as read through OUT, with the `as_of` each carries.
    static func dates(in out: URL) throws -> [String] {
        try ["manifest.json", "approve.json", "reject.json"].map { name in
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(name))) as! [String: Any]
            return json["as_of"] as! String
        }
    }

    @Test(arguments: ["output_written", "output_committed"])
    func aReviewKilledAroundItsCommitLeavesOneWholeSet(fault: String) throws {
        let dir = try CLI.temporaryDirectory()
        let drafts = dir.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try Data("联系人手机13912345678。\n".utf8).write(to: drafts.appendingPathComponent("a.txt"))
        let out = dir.appendingPathComponent("out")
        #expect(try CLI.pubgate(["review", drafts.path, "--out", out.path, "--as-of", "2025-06-01", "--quiet", "--format", "sarif"]).status == 1)
        #expect(try Self.dates(in: out) == ["2025-06-01", "2025-06-01", "2025-06-01"])
        let killed = try CLI.pubgate(
            ["review", drafts.path, "--out", out.path, "--as-of", "2025-06-02", "--quiet"], environment: ["PUBGATE_FAULT": fault])
        #expect(killed.status == 86)
        let seen = try Self.dates(in: out)
        #expect(Set(seen).count == 1, "a mixed set: \(seen)")
        #expect(seen[0] == (fault == "output_written" ? "2025-06-01" : "2025-06-02"))
        // Leftovers of killed writes of every kind pubgate ever made.
        for name in [".dat.nosyncA1B2", ".manifest.json.0F0F.tmp", ".approve.json.pubgate-tmp-1234"] {
            try Data("partial".utf8).write(to: out.appendingPathComponent(name))
        }
        #expect(try CLI.pubgate(["review", drafts.path, "--out", out.path, "--as-of", "2025-06-03", "--quiet"]).status == 1)
        #expect(try Self.dates(in: out) == ["2025-06-03", "2025-06-03", "2025-06-03"])
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(left == [".pubgate-output", "approve.json", "manifest.json", "reject.json"], "\(left)")
        // One generation: the current one (the SARIF of the first run went with its set).
        let generations = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(".pubgate-output").path)
            .filter { !$0.hasPrefix(".") && $0 != "review" }
        #expect(generations.count == 1, "\(generations)")
    }
}
