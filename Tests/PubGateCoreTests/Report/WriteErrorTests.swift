import Foundation
import Testing

@testable import PubGateCore

@Suite struct WriteErrorTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("write-\(lettersOnlyName())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aFileWhereAFolderShouldBeIsNamed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data().write(to: dir.appendingPathComponent("out"))
        let target = dir.appendingPathComponent("out/sub/manifest.json").path
        #expect(throws: WriteError.self) { try AtomicWriter.write(Data("x".utf8), to: target) }
        do {
            try AtomicWriter.write(Data("x".utf8), to: target)
        } catch {
            #expect(error.description == "cannot write \(target): \(dir.path)/out is a file, not a folder")
        }
    }

    @Test func aFolderWhereTheFileShouldBeIsNamed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("manifest.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for write in [
            { try AtomicWriter.write(Data("x".utf8), to: target.path) }, { try AtomicWriter.stream(to: target.path) { try $0.write("x") } },
        ] {
            do {
                try write()
                Issue.record("a folder was overwritten")
            } catch {
                #expect("\(error)" == "cannot write \(target.path): it is a folder")
            }
        }
    }

    /// `--out` naming a file, and a folder that cannot be made under an existing one (issue 23:
    /// they read "not a directory" after Foundation's sentence, and "/proc does not exist").
    @Test func anOutputFolderThatIsAFileOrCannotBeMadeIsSaidPlainly() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.txt").path
        try Data().write(to: URL(fileURLWithPath: file))
        let notDir = NSError(
            domain: NSCocoaErrorDomain, code: 512, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))])
        #expect(WriteError(path: file, error: notDir).description == "cannot write \(file): \(file) is a file, not a folder")
        let noEntry = NSError(
            domain: NSCocoaErrorDomain, code: 4, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOENT))])
        #expect(WriteError(path: "/proc/ro", error: noEntry).reason == "/proc accepts no new folders (a system file system such as /proc)")
        #expect(
            WriteError(path: "/proc/ro/out", error: noEntry).reason
                == "cannot create the folder /proc/ro: /proc accepts no new folders (a system file system such as /proc)")
        let other = NSError(
            domain: NSCocoaErrorDomain, code: 512, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EBUSY))])
        #expect(!WriteError(path: file, error: other).reason.contains("could not be completed"))
    }

    @Test func theSystemsReasonIsSaidInPlainWords() {
        let full = NSError(
            domain: NSCocoaErrorDomain, code: 640,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        #expect(
            WriteError(path: "/srv/out/manifest.json", error: full).description == "cannot write /srv/out/manifest.json: no space left on the disk")
        let readOnly = NSError(
            domain: NSCocoaErrorDomain, code: 512, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))])
        #expect(!WriteError(path: "/x", error: readOnly).description.contains("NSCocoaErrorDomain"))
        #expect(WriteError(path: "/x", error: readOnly).reason == "the file system is read-only")
    }
}
