import Foundation
import Testing

@testable import PubGateCore

@Suite struct PrettyJSONEncoderTests {
    private func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Members out of key order, keys that sort by UTF-8, escapes, empty and nested containers.
    private struct Awkward: Encodable {
        // An upper-case key sorts before lower-case ones by UTF-8: the case is the point.
        // swift-format-ignore: AlwaysUseLowerCamelCase
        enum CodingKeys: String, CodingKey { case zeta, alpha, 名称, Beta, empty, emptyObject, nested, text, flag, none, numbers }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode("last", forKey: .zeta)
            try c.encode(-42, forKey: .alpha)
            try c.encode("键", forKey: .名称)
            try c.encode(UInt8(7), forKey: .Beta)
            try c.encode([String](), forKey: .empty)
            try c.encode([String: Int](), forKey: .emptyObject)
            try c.encode([["a": [1, 2, 0, Int.min, Int.max]], ["b": []]], forKey: .nested)
            try c.encode("quote \" backslash \\ slash / tab \t newline \n return \r bell \u{7} nul \u{0} del \u{7F} 中文", forKey: .text)
            try c.encode(true, forKey: .flag)
            try c.encodeNil(forKey: .none)
            try c.encode([3: "three", 10: "ten"], forKey: .numbers)
        }
    }

    @Test func writesWhatFoundationWrites() throws {
        #expect(try PrettyJSONEncoder.encode(Awkward()) == foundation(Awkward()))
        #expect(try PrettyJSONEncoder.encode([Awkward(), Awkward()]) == foundation([Awkward(), Awkward()]))
        #expect(try PrettyJSONEncoder.encode("fragment") == foundation("fragment"))
        #expect(try PrettyJSONEncoder.encode([String: [Int]]()) == foundation([String: [Int]]()))
    }

    @Test func nestsAtALevel() throws {
        let nested = try PrettyJSONEncoder.encode(["k": [1]], level: 2, indentFirstLine: true)
        #expect(String(decoding: nested, as: UTF8.self) == "    {\n      \"k\" : [\n        1\n      ]\n    }")
    }

    /// Every review of the sample drafts, as the manifest stores it.
    @Test func samplesEncodeAsFoundationEncodesThem() async throws {
        let pipeline = ReviewPipeline(configuration: shippedConfiguration, options: ReviewOptions(asOf: reviewDate), version: "test")
        // The samples' PDFs are read by poppler, waited for off Swift's pool.
        let manifest = try await OwnThreads.run { try pipeline.run(paths: [packageRoot.appendingPathComponent("Samples/drafts").path]).manifest }
        #expect(manifest.documents.count > 10)
        for review in manifest.documents {
            #expect(try PrettyJSONEncoder.encode(review) == foundation(review), "\(review.path)")
        }
    }

    /// Findings are written without Codable's containers: every optional member present and absent.
    @Test func findingsEncodeAsFoundationEncodesThem() throws {
        let location = SourceLocation(line: 3, column: 5, endLine: 4, endColumn: 9, byteStart: 10, byteEnd: 22)
        let findings = [
            Finding(
                ruleID: "pi_mobile", kind: .mobile, severity: .block, message: "a \"quoted\" message\n", part: .comment,
                location: location.placed("word/document.xml ¶3"), masked: "138****0000", excerpt: "电话«138****0000»",
                match: "13800000000", sources: ["S1", "S25"], remediation: "Remove it."),
            Finding(ruleID: "attribute_missing", kind: .attributeMissing, severity: .fix, message: "no 公开属性"),
            Finding(ruleID: "pi_email", kind: .email, severity: .info, message: "e-mail", location: location, sources: ["S9"]),
        ]
        #expect(try PrettyJSONEncoder.encode(findings) == foundation(findings))
        #expect(try PrettyJSONEncoder.encode([Finding]()) == foundation([Finding]()))
        #expect(try PrettyJSONEncoder.encode(["findings": findings]) == foundation(["findings": findings]))
        #expect(try PrettyJSONEncoder.encode(["none": [Finding]()]) == foundation(["none": [Finding]()]))
        for finding in findings {
            #expect(try PrettyJSONEncoder.encode(finding) == foundation(finding))
        }
    }

    @Test func leavesToFoundationWhatItDoesNotRender() {
        struct Measured: Encodable { let ratio = 0.5 }
        struct Dated: Encodable { let when = Date(timeIntervalSince1970: 0) }
        struct Twice: Encodable {
            enum K: String, CodingKey { case a }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(1, forKey: .a)
                try c.encode(2, forKey: .a)
            }
        }
        #expect(throws: PrettyJSONEncoder.Unsupported.self) { try PrettyJSONEncoder.encode(Measured()) }
        #expect(throws: PrettyJSONEncoder.Unsupported.self) { try PrettyJSONEncoder.encode(Dated()) }
        #expect(throws: PrettyJSONEncoder.Unsupported.self) { try PrettyJSONEncoder.encode(Twice()) }
        struct Silent: Encodable {
            func encode(to encoder: any Encoder) throws { _ = encoder.singleValueContainer() }
        }
        #expect(throws: PrettyJSONEncoder.Unsupported.self) { try PrettyJSONEncoder.encode(["a": Silent()]) }
    }
}
