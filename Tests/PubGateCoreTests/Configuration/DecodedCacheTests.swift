import Foundation
import Testing

@testable import PubGateCore

/// The decoded-configuration cache gives back exactly what parsing gives, and never a value it
/// cannot vouch for.
@Suite struct DecodedCacheTests {
    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-decoded-\(lettersOnlyName())").path
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    @Test func shippedRulesReadBackAsParsed() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rules = packageRoot.appendingPathComponent("Rules").path
        let parsed = try RuleSet.load(from: rules, limits: .init(), cache: nil)
        let stored = try RuleSet.load(from: rules, limits: .init(), cache: DecodedCache(directory: dir))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("decoded-rules-") }.count == 1)
        let cached = try RuleSet.load(from: rules, limits: .init(), cache: DecodedCache(directory: dir))
        for set in [stored, cached] {
            #expect(set.rules.count == parsed.rules.count)
            #expect(set.warnings == parsed.warnings)
            #expect(try Self.json(set.rules.map(\.rule)) == Self.json(parsed.rules.map(\.rule)))
            // A rule given as terms gets its pattern from them again.
            #expect(set.rules.map(\.rule.pattern) == parsed.rules.map(\.rule.pattern))
            #expect(set.rules.map(\.file) == parsed.rules.map(\.file))
        }
        #expect(parsed.rules.contains { $0.rule.terms != nil })
    }

    @Test func messageCataloguesReadBackAsParsed() throws {
        for language in Language.allCases {
            let file = packageRoot.appendingPathComponent("Rules/messages/\(language.fileName)").path
            let data = try #require(FileManager.default.contents(atPath: file))
            let parsed = try MessageCatalogue.parse(data, file: file, language: language)
            // Twice: the second load reads what the first stored (with a writable cache folder).
            for _ in 1...2 { #expect(try Self.json(MessageCatalogue.load(file: file, language: language)) == Self.json(parsed)) }
        }
    }

    @Test func aggregationRulesReadBackAsParsed() throws {
        let file = packageRoot.appendingPathComponent("Rules/\(AggregationRules.fileName)").path
        let parsed = try AggregationRules.parse(try #require(FileManager.default.contents(atPath: file)), file: file)
        for _ in 1...2 { #expect(try Self.json(AggregationRules.load(file: file)) == Self.json(parsed)) }
    }

    @Test func aStaleOrDamagedFileIsIgnoredAndWrittenAgain() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = DecodedCache(directory: dir)
        let sources = [DecodedCache.Source(name: "a.yaml", bytes: Data("a: 1\n".utf8))]
        var decoded = 0
        func load() throws -> [String] {
            try cache.value("test", of: sources) { () throws(ConfigurationError) -> [String] in
                decoded += 1
                return ["甲", "b"]
            }
        }
        #expect(try load() == ["甲", "b"] && decoded == 1)
        #expect(try load() == ["甲", "b"] && decoded == 1)
        let file = dir + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first))
        let good = try #require(FileManager.default.contents(atPath: file))
        let newline = try #require(good.firstIndex(of: 0x0A))
        let header = good[..<newline]
        // A changed payload (its checksum no longer matches), a damaged header, a payload that
        // does not decode as the type asked for, a header naming another key, a truncated file.
        let forged = Data(String(decoding: header, as: UTF8.self).replacingOccurrences(of: " ", with: "  ").utf8)
        let key = String(String(decoding: header, as: UTF8.self).split(separator: " ")[2])
        for damaged in [
            header + Data("\n[\"乙\",\"b\"]".utf8), forged + good[newline...],
            DecodedCache.header(key: key, payload: Data("[1]".utf8)) + Data("[1]".utf8),
            DecodedCache.header(key: "x", payload: good[(newline + 1)...]) + good[(newline + 1)...],
            good.prefix(good.count - 3),
        ] {
            try damaged.write(to: URL(fileURLWithPath: file))
            let before = decoded
            #expect(try load() == ["甲", "b"] && decoded == before + 1)
            #expect(FileManager.default.contents(atPath: file) == good)
        }
        // Other sources, another key: decoded again, into a file of their own.
        let other = try cache.value("test", of: [DecodedCache.Source(name: "a.yaml", bytes: Data("a: 2\n".utf8))]) {
            () throws(ConfigurationError) -> [String] in ["c"]
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(other == ["c"] && files.count == 2)
    }

    @Test func anErrorIsNotCached() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = DecodedCache(directory: dir)
        #expect(throws: ConfigurationError.self) {
            try cache.value("test", of: []) { () throws(ConfigurationError) -> [String] in
                throw ConfigurationError(file: "a.yaml", message: "broken")
            }
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).isEmpty)
    }
}
