import ArchiveKit
import Foundation
import Testing

@Suite struct TarGzTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("archivekit-\(UUID().uuidString)-\(name)").path
    }

    let entries = [
        TarEntry(path: "bag/bagit.txt", data: Array("BagIt-Version: 1.0\n".utf8)),
        TarEntry(path: "bag/data/content/政策/规定 2021.md", data: Array("第一条　正文。\n".utf8)),
        TarEntry(path: "bag/data/empty.txt", data: []),
    ]

    @Test func writesAndReadsBackChineseNamesAndEmptyFiles() throws {
        let path = temporaryPath("a.tar.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try TarGzWriter.write(entries, to: path, mtime: 1_751_212_800)
        var read: [TarEntry] = []
        try TarGzReader.forEachFile(in: path) { read.append($0) }
        #expect(read == entries)
    }

    @Test func sameEntriesGiveTheSameBytes() throws {
        let a = temporaryPath("a.tar.gz")
        let b = temporaryPath("b.tar.gz")
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        try TarGzWriter.write(entries, to: a, mtime: 1_751_212_800)
        Thread.sleep(forTimeInterval: 1.1)
        try TarGzWriter.write(entries, to: b, mtime: 1_751_212_800)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }

    @Test func plainTarExtractsIt() throws {
        let path = temporaryPath("c.tar.gz")
        let dir = temporaryPath("x")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: dir)
        }
        try TarGzWriter.write(entries, to: path, mtime: 1_751_212_800)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", path, "-C", dir]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        let extracted = FileManager.default.contents(atPath: dir + "/bag/data/content/政策/规定 2021.md")
        #expect(extracted == Data("第一条　正文。\n".utf8))
    }

    @Test func aTruncatedArchiveIsAnError() throws {
        let path = temporaryPath("d.tar.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try TarGzWriter.write(entries, to: path, mtime: 0)
        let data = try #require(FileManager.default.contents(atPath: path))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try TarGzReader.forEachFile(in: path) { _ in } }
    }
}
