import Foundation
import TestSupport
import Testing

@testable import PubGateCore

@Suite struct InputCollectorTests {
    /// A tree with nested and hidden entries, the run's output folder and every kind of link.
    @Test func walksTheTreeOnceFollowingOnlyLinksThatStayInside() throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("pubgate-collect-\(lettersOnlyName())").path
        defer { try? fm.removeItem(atPath: base) }
        let root = base + "/tree"
        for dir in ["b", "b/c", ".git", "out/.pubgate-output/review"] {
            try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        try fm.createDirectory(atPath: base + "/elsewhere", withIntermediateDirectories: true)
        let texts = [
            ("a.txt", "12345"), ("b/c/d.md", "x"), (".hidden.txt", "secret"), (".git/config", "y"),
            ("out/.pubgate-output/review/manifest.json", "{}"),
        ]
        for (name, text) in texts { try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + name)) }
        try fm.createSymbolicLink(atPath: root + "/out/manifest.json", withDestinationPath: ".pubgate-output/review/manifest.json")
        try Data("outside".utf8).write(to: URL(fileURLWithPath: base + "/elsewhere/o.txt"))
        try fm.createSymbolicLink(atPath: root + "/b/link-to-a.txt", withDestinationPath: root + "/a.txt")
        try fm.createSymbolicLink(atPath: root + "/b/out-link.txt", withDestinationPath: base + "/elsewhere/o.txt")
        try fm.createSymbolicLink(atPath: root + "/b/dangling.txt", withDestinationPath: root + "/missing.txt")
        try fm.createSymbolicLink(atPath: root + "/b/dir-link", withDestinationPath: root + "/b/c")

        let inputs = InputCollector(excluding: [root + "/out"]).collect([root, root + "/a.txt", base + "/nope"])
        let (files, sizes, problems) = (inputs.files, inputs.sizes, inputs.problems)
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
        let root = fm.temporaryDirectory.appendingPathComponent("pubgate-collect-\(lettersOnlyName())").path
        defer { try? fm.removeItem(atPath: root) }
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        #expect(fm.makeNamedPipe(atPath: root + "/p.txt"))
        let inputs = InputCollector().collect([root, root + "/p.txt"])
        let (files, problems) = (inputs.files, inputs.problems)
        #expect(files.isEmpty)
        #expect(problems.map(\.path) == [root + "/p.txt", root + "/p.txt"])
        #expect(problems.allSatisfy { $0.reason.hasPrefix("not a regular file") && !$0.isSkipped })
        #expect(RawInput(contentsOf: root + "/p.txt") == nil)
    }

    @Test func aLinkToAFileInsideIsReviewedUnderItsOwnName() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("pubgate-collect-\(lettersOnlyName())").path
        defer { try? fm.removeItem(atPath: root) }
        try fm.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
        try Data("abc".utf8).write(to: URL(fileURLWithPath: root + "/real/f.txt"))
        try fm.createSymbolicLink(atPath: root + "/alias.txt", withDestinationPath: root + "/real/f.txt")
        let inputs = InputCollector().collect([root])
        let (files, sizes) = (inputs.files, inputs.sizes)
        #expect(files == [root + "/alias.txt"])
        #expect(sizes == [3])
    }

    /// A review reads hidden files and folders (`.x.txt` and `.dir/` are served like any file; a
    /// folder holding only one reported "0 documents"); version-control data, pubgate's own folder,
    /// the applied settings file and the output folder are left out, each listed with its reason.
    @Test func aReviewWalksHiddenEntriesAndListsWhatItLeavesOut() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("pubgate-collect-\(lettersOnlyName())").path
        defer { try? fm.removeItem(atPath: root) }
        for dir in [".dir", ".git", ".pubgate", "out"] { try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true) }
        try fm.createDirectory(atPath: root + "/out/.pubgate-output/review", withIntermediateDirectories: true)
        for name in [
            ".x.txt", ".dir/a.txt", ".git/config", ".pubgate/baseline.json", ".pubgate.yml", "out/.pubgate-output/review/manifest.json",
            "out/draft.txt", "out/report.html", "b.txt",
        ] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + name))
        }
        try fm.createSymbolicLink(atPath: root + "/out/manifest.json", withDestinationPath: ".pubgate-output/review/manifest.json")
        let inputs = InputCollector(excluding: [root + "/out"], reviewingHidden: true, settingsFile: root + "/.pubgate.yml").collect([root])
        // In the output folder pubgate's own files (links into its output set) are left out; a draft
        // put there is reviewed, even under the name of a report the run did not write.
        #expect(inputs.files == [root + "/.dir/a.txt", root + "/.x.txt", root + "/b.txt", root + "/out/draft.txt", root + "/out/report.html"])
        #expect(inputs.excluded.map(\.path) == [root + "/.git", root + "/.pubgate", root + "/.pubgate.yml", root + "/out"])
        #expect(inputs.excluded.last?.reason.hasPrefix("the run's output folder") == true)
        // A .pubgate.yml that is not applied as settings is a file like any other.
        #expect(InputCollector(reviewingHidden: true).collect([root]).files.contains(root + "/.pubgate.yml"))
        // The sweep and the index skip hidden entries, as the site generator does.
        #expect(
            InputCollector().collect([root]).files == [
                root + "/b.txt", root + "/out/draft.txt", root + "/out/manifest.json", root + "/out/report.html",
            ])
    }
}
