import Testing
import VectorscanKit

@Suite struct PatternDatabaseTests {
    @Test func reportsEveryEndOffsetOfEveryPattern() throws {
        let db = try PatternDatabase([
            .init(id: 0, expression: "密级", flags: [.utf8]),
            .init(id: 1, expression: "[0-9]{3}", flags: [.utf8]),
        ])
        let text = Array("密级 1234".utf8)
        let hits = try db.scan(text)
        #expect(hits.contains(.init(id: 0, end: 6)))
        #expect(hits.filter { $0.id == 1 }.map(\.end) == [10, 11])
    }

    @Test func prefilterModeAcceptsLookaroundAsASuperset() throws {
        let expression = "(?<![0-9])1[3-9][0-9]{9}(?![0-9])"
        #expect(throws: VectorscanError.self) { try PatternDatabase([.init(id: 0, expression: expression, flags: [.utf8])]) }
        let db = try PatternDatabase([.init(id: 7, expression: expression, flags: [.utf8, .prefilter])])
        // The lookbehind is dropped: a mobile number inside a longer digit run is still a candidate.
        #expect(try db.scan(Array("x913800138000".utf8)) == [.init(id: 7, end: 13)])
    }

    @Test func widthsAreInBytesAndNilWhenUnbounded() throws {
        #expect(try PatternDatabase.widths(of: "[0-9]{15}(?:[0-9]{2}[0-9Xx])?", flags: [.utf8]) == .init(minWidth: 15, maxWidth: 18))
        #expect(try PatternDatabase.widths(of: "密级", flags: [.utf8]).maxWidth == 6)
        #expect(try PatternDatabase.widths(of: "a+", flags: [.utf8]).maxWidth == nil)
    }

    @Test func aBrokenPatternNamesItsIndex() {
        do {
            _ = try PatternDatabase([.init(id: 0, expression: "ok", flags: []), .init(id: 1, expression: "(", flags: [])])
            Issue.record("expected a compile error")
        } catch {
            #expect(error.expression == 1)
        }
    }

    @Test func scansConcurrently() async throws {
        let db = try PatternDatabase([.init(id: 0, expression: "公安", flags: [.utf8])])
        let text = Array(String(repeating: "市公安局", count: 1000).utf8)
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { (try? db.scan(text).count) ?? -1 } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 1000, count: 8))
    }
}
