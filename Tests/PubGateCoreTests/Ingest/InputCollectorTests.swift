import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PubGateCore

@Suite struct InputCollectorTests {
    /// A tree with nested and hidden entries, the run's output folder and every kind of link.
    @Test func walksTheTreeOnceFollowingOnlyLinksThatStayInside() throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("pubgate-collect-\(UUID())").path
        defer { try? fm.removeItem(atPath: base) }
        let root = base + "/tree"
        for dir in ["b", "b/c", ".git", "out"] { try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true) }
        try fm.createDirectory(atPath: base + "/elsewhere", withIntermediateDirectories: true)
        for (name, text) in [("a.txt", "12345"), ("b/c/d.md", "x"), (".hidden.txt", "secret"), (".git/config", "y"), ("out/manifest.json", "{}")] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        try Data("outside".utf8).write(to: URL(fileURLWithPath: base + "/elsewhere/o.txt"))
        try fm.createSymbolicLink(atPath: root + "/b/link-to-a.txt", withDestinationPath: root + "/a.txt")
        try fm.createSymbolicLink(atPath: root + "/b/out-link.txt", withDestinationPath: base + "/elsewhere/o.txt")
        try fm.createSymbolicLink(atPath: root + "/b/dangling.txt", withDestinationPath: root + "/missing.txt")
        try fm.createSymbolicLink(atPath: root + "/b/dir-link", withDestinationPath: root + "/b/c")

        let (files, sizes, problems) = InputCollector(excluding: [root + "/out"]).collect([root, root + "/a.txt", base + "/nope"])
        // a.txt once (its link and the file named again are the same file); the folder link is not entered.
        #expect(files == [root + "/a.txt", root + "/b/c/d.md"])
        #expect(sizes == [5, 1])
        #expect(problems.map(\.path) == [root + "/b/dangling.txt", root + "/b/out-link.txt", base + "/nope"])
        #expect(problems.map(\.isSkipped) == [false, true, false])
        #expect(problems[0].reason == "dangling symbolic link")
    }

    /// A named pipe would block a reader forever: it is a problem of its own, in a folder or named.
    @Test func aNamedPipeIsAProblemNotARead() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("pubgate-collect-\(UUID())").path
        defer { try? fm.removeItem(atPath: root) }
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        #expect(mkfifo(root + "/p.txt", 0o600) == 0)
        let (files, _, problems) = InputCollector().collect([root, root + "/p.txt"])
        #expect(files.isEmpty)
        #expect(problems.map(\.path) == [root + "/p.txt", root + "/p.txt"])
        #expect(problems.allSatisfy { $0.reason.hasPrefix("not a regular file") && !$0.isSkipped })
        #expect(RawInput(contentsOf: root + "/p.txt") == nil)
    }

    @Test func aLinkToAFileInsideIsReviewedUnderItsOwnName() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("pubgate-collect-\(UUID())").path
        defer { try? fm.removeItem(atPath: root) }
        try fm.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
        try Data("abc".utf8).write(to: URL(fileURLWithPath: root + "/real/f.txt"))
        try fm.createSymbolicLink(atPath: root + "/alias.txt", withDestinationPath: root + "/real/f.txt")
        let (files, sizes, _) = InputCollector().collect([root])
        #expect(files == [root + "/alias.txt"])
        #expect(sizes == [3])
    }
}
