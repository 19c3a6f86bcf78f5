import Foundation
import PCRE2Kit
import Synchronization
import Testing

@Suite struct PCRE2RegexTests {
    @Test func compileErrorCarriesPatternOffset() {
        #expect(throws: PCRE2Error.self) { try PCRE2Regex("abc(def") }
        do {
            _ = try PCRE2Regex("ab[c")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.offset == 4)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func offsetsAreUTF8BytesInNonASCIISubject() throws {
        let regex = try PCRE2Regex("[0-9]{3}-[0-9]{2}")
        let subject = Array("héllo 身份 123-45".utf8)
        let ranges = try regex.matches(in: subject)
        #expect(ranges == [14..<20])
        #expect(String(decoding: subject[ranges[0]], as: UTF8.self) == "123-45")
    }

    @Test func noMatchGivesEmptyResult() throws {
        #expect(try PCRE2Regex("xyz").matches(in: Array("abc".utf8)).isEmpty)
    }

    @Test func emptyMatchesAdvanceWithoutLooping() throws {
        let ranges = try PCRE2Regex("a*").matches(in: Array("b身a".utf8))
        #expect(ranges.contains(4..<5))
        #expect(ranges.count == 4)
    }

    @Test func captureGroupIsReported() throws {
        let regex = try PCRE2Regex("密级:(机密|秘密)")
        #expect(try regex.matches(in: Array("密级:机密".utf8), group: 1) == [7..<13])
    }

    /// A slice is matched where it lies, as a subject of its own: ranges are the slice's indices,
    /// `^` is its start, and nothing before it is seen (the line before a line).
    @Test func aSliceIsTheWholeSubjectAndRangesAreItsIndices() throws {
        let text = Array("前一行 12\n身份 123-45 末".utf8)
        let line = text[(text.firstIndex(of: 0x0A)! + 1)...]
        let number = try PCRE2Regex("[0-9]{3}-([0-9]{2})")
        let groups = try #require(try number.firstMatch(in: line))
        #expect(String(decoding: line[groups[0]!], as: UTF8.self) == "123-45")
        #expect(String(decoding: line[groups[1]!], as: UTF8.self) == "45")
        let copied = try #require(try number.firstMatch(in: Array(line)))
        #expect(groups.map { $0!.lowerBound - line.startIndex } == copied.map { $0!.lowerBound }, "the copy's offsets, moved to the slice")
        #expect(try PCRE2Regex("^身份").firstMatch(in: line) != nil)
        #expect(try PCRE2Regex("(?<=12\n)身份").firstMatch(in: line) == nil)
        #expect(try PCRE2Regex("(?<=12\n)身份").firstMatch(in: text) != nil)
        var all: [Range<Int>] = []
        try PCRE2Regex("[0-9]+").forEachMatch(in: line) { groups in
            all.append(groups[0]!)
            return true
        }
        #expect(all.map { String(decoding: line[$0], as: UTF8.self) } == ["123", "45"])
        var empties = 0
        try PCRE2Regex("x*").forEachMatch(in: line) { _ in
            empties += 1
            return true
        }
        #expect(empties == line.count(where: { $0 & 0xC0 != 0x80 }) + 1, "an empty match advances by one scalar")
        #expect(try PCRE2Regex("a").firstMatch(in: text[3..<3]) == nil)
    }

    @Test func manyThreadsShareOneCompiledPattern() throws {
        let regex = try PCRE2Regex("(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
        let subject = Array(String(repeating: "电话13812345678，", count: 200).utf8)
        let counts = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let n = (try? regex.matches(in: subject).count) ?? -1
            counts.withLock { $0.append(n) }
        }
        #expect(counts.withLock { $0 } == Array(repeating: 200, count: 16))
    }

    @Test func catastrophicBacktrackingStopsAtTheLimit() throws {
        let regex = try PCRE2Regex("^(a+)+$", limits: .init(matchLimit: 100_000, depthLimit: 10_000))
        let subject = Array((String(repeating: "a", count: 40) + "!").utf8)
        // How quickly it stops is measured by Scripts/bench-hostile.sh, not asserted here.
        do {
            _ = try regex.matches(in: subject)
            Issue.record("expected a resource limit error")
        } catch {
            #expect(error.isResourceLimit)
        }
    }

    @Test func windowsFindWhatTheWholeScanFindsWhenEveryStartIsInside() throws {
        let regex = try PCRE2Regex("(?<![0-9])1[3-9][0-9]{9}(?![0-9])", options: [.offsetLimit])
        let subject = Array("电话13800138000，又913800138000x；手机 13912345678。".utf8)
        let whole = try regex.matches(in: subject)
        #expect(whole.count == 2)
        var windowed: [Range<Int>] = []
        // One window per match start, plus one over the digit run the lookbehind rejects.
        let windows = whole.map { $0.lowerBound...$0.lowerBound } + [20...24]
        try regex.forEachMatch(in: subject, startingWithin: windows.sorted { $0.lowerBound < $1.lowerBound }, validUTF8: true) {
            windowed.append($0[0]!)
            return true
        }
        #expect(windowed == whole)
    }

    @Test func aMatchStartingAfterItsWindowIsNotReported() throws {
        let regex = try PCRE2Regex("[0-9]{3}", options: [.offsetLimit])
        let subject = Array("ab123cd456".utf8)
        var found: [Range<Int>] = []
        try regex.forEachMatch(in: subject, startingWithin: [0...1]) {
            found.append($0[0]!)
            return true
        }
        #expect(found.isEmpty)
        try regex.forEachMatch(in: subject, startingWithin: [0...2, 5...9]) {
            found.append($0[0]!)
            return true
        }
        #expect(found == [2..<5, 7..<10])
    }
}
