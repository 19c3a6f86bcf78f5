import Foundation
import Testing
import Yams

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
        let numbers = Data(try CompactEncoder.encode([1]))
        for damaged in [
            header + Data("\n".utf8) + Data(try CompactEncoder.encode(["乙", "b"])), forged + good[newline...],
            DecodedCache.header(key: key, payload: numbers) + numbers,
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

    /// Every configuration file pubgate composes at start-up reads back as the tree Yams composes:
    /// the same scalars, tags (as resolved) and styles.
    @Test func configurationTreesReadBackAsComposed() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = DecodedCache(directory: dir)
        let names =
            try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Rules").path)
            .filter { $0.hasSuffix(".yaml") }.map { "Rules/" + $0 } + ["Rules/messages/zh.yaml", "Rules/messages/en.yaml"]
        #expect(names.contains("Rules/expiry.yaml") && names.contains("Rules/policy.yaml"))
        for name in names + ["empty"] {
            let text = name == "empty" ? "" : try String(contentsOfFile: packageRoot.appendingPathComponent(name).path, encoding: .utf8)
            let composed = try Yams.compose(yaml: text)
            var composing = 0
            for pass in 1...2 {
                let node = try cache.node(of: DecodedCache.Source(name: name, bytes: Data(text.utf8))) { () throws -> Node? in
                    composing += 1
                    return try Yams.compose(yaml: text)
                }
                #expect(node == composed, "\(name), pass \(pass)")
                #expect(try node.map { try Yams.serialize(node: $0) } == composed.map { try Yams.serialize(node: $0) }, "\(name)")
            }
            #expect(composing == 1, "\(name)")
        }
    }

    /// A tree file whose checksum is right but whose payload is not exactly one well-formed tree
    /// (truncated, trailing bytes, an unknown kind or style, a count past the end, text that is
    /// not UTF-8, nesting past the limit) is composed again and written again; so is a tree stored
    /// for other bytes of the file.
    @Test func aDamagedOrStaleTreeIsNeverRead() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = DecodedCache(directory: dir)
        let tight = "decision:\n  reject: [block, review, fix, warn]\nterm: 甲\n"
        var composing = 0
        func load(_ text: String) throws -> Node? {
            try cache.node(of: DecodedCache.Source(name: ".pubgate.yml", bytes: Data(text.utf8))) { () throws -> Node? in
                composing += 1
                return try Yams.compose(yaml: text)
            }
        }
        let first = try load(tight)
        #expect(try load(tight) == first && composing == 1)
        let file = dir + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first))
        let good = try #require(FileManager.default.contents(atPath: file))
        let newline = try #require(good.firstIndex(of: 0x0A))
        let payload = good[(newline + 1)...]
        let key = String(String(decoding: good[..<newline], as: UTF8.self).split(separator: " ")[2])
        let nested: [UInt8] = Array(repeating: [2, 0, 0, 1] as [UInt8], count: YAMLNodeArchive.maxDepth + 1).joined() + [0, 0, 0, 0]
        let deep: [UInt8] = [1] + nested
        let hanJia: UInt8 = 0xE7
        let halves = Array(payload).split(separator: hanJia, omittingEmptySubsequences: false)
        #expect(halves.count == 2)
        let notUTF8: [UInt8] = Array(halves[0]) + [0xFF] + Array(halves[1])
        let truncated = Data(payload.dropLast())
        let trailing = Data(payload) + Data([0])
        let damaged: [Data] = [
            truncated, trailing, Data([1, 9, 0, 0]), Data([1, 0, 0, 9, 0]), Data([1, 1, 0, 0, 5]),
            Data([1, 0, 0, 0, 2, 0xFF, 0xFE]), Data(deep), Data([0, 0]), Data([2]), Data(), Data(notUTF8),
        ]
        for bad in damaged {
            try (DecodedCache.header(key: key, payload: bad) + bad).write(to: URL(fileURLWithPath: file))
            let before = composing
            #expect(try load(tight) == first && composing == before + 1, "\(Array(bad.prefix(8)))")
            #expect(FileManager.default.contents(atPath: file) == good)
        }
        // The file loosened: its own tree, never the tighter one stored before.
        let loose = "decision:\n  reject: [block]\nterm: 甲\n"
        #expect(try load(loose) == Yams.compose(yaml: loose) && composing == 13)
        #expect(try load(loose) != first)
    }

    /// Another executable (another build of pubgate) reads none of this one's files.
    @Test func theKeyNamesTheExecutable() throws {
        let sources = [DecodedCache.Source(name: "a.yaml", bytes: Data("a: 1\n".utf8))]
        let running = try #require(DecodedCache.executable)
        #expect(running.hasPrefix("/") && running.split(separator: " ").count >= 3)
        #expect(
            DecodedCache.key("yaml", executable: running, sources: sources) != DecodedCache.key("yaml", executable: running + "x", sources: sources))
        #expect(DecodedCache.key("yaml", executable: running, sources: sources) != DecodedCache.key("rules", executable: running, sources: sources))
    }

    /// The shipped settings read back from the cache as Yams decodes them.
    @Test func settingsReadBackAsDecoded() throws {
        let file = packageRoot.appendingPathComponent("Rules/policy.yaml").path
        var mapping = try #require(try Yams.compose(yaml: String(contentsOfFile: file, encoding: .utf8))?.mapping)
        mapping["version"] = nil
        let parsed = try YAMLDecoder().decode(Settings.self, from: Node.mapping(mapping))
        #expect(!parsed.decision.reject.isEmpty)
        // Twice: the second reads what the first stored (with a writable cache folder).
        for _ in 1...2 { #expect(try Self.json(SettingsLoader.decode(mapping)) == Self.json(parsed)) }
        mapping["public_numbers"] = Node.sequence(Node.Sequence([Node("13912345678")]))
        #expect(try SettingsLoader.decode(mapping).publicNumbers == ["13912345678"])
    }

    /// A tree that expands past the limit through aliases is given back to the caller (who refuses
    /// it) but never written out.
    @Test func anAliasBombIsNotStored() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...5 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let node = try DecodedCache(directory: dir).node(of: DecodedCache.Source(name: "bomb.yml", bytes: Data(yaml.utf8))) {
            () throws -> Node? in try Yams.compose(yaml: yaml)
        }
        #expect(node?.expands() == true)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).isEmpty)
    }
}
