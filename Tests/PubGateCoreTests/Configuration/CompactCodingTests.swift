import Foundation
import Testing

@testable import PubGateCore

/// What ``CompactEncoder`` writes, ``CompactDecoder`` reads back as it was, and nothing else.
@Suite struct CompactCodingTests {
    enum Shape: Codable, Equatable {
        case point
        case circle(radius: Double)
        case labelled(String, Int?)
    }

    struct Sample: Codable, Equatable {
        var name: String
        var note: String?
        var missing: Int?
        var flags: [Bool]
        var small: Int8
        var big: Int64
        var unsigned: UInt64
        var ratio: Float
        var values: [Double]
        var byName: [String: [Int]]
        var byNumber: [Int: String]
        var shapes: [Shape]
        var nested: [[String?]]
        var date: Date
    }

    static let sample = Sample(
        name: "规则 ✓", note: nil, missing: nil, flags: [true, false], small: -128, big: .min, unsigned: .max, ratio: 0.1,
        values: [0, -0.0, .pi, -1e300, .infinity], byName: ["a": [1, -2], "": []], byNumber: [3: "three", -1: "minus one"],
        shapes: [.point, .circle(radius: 2.5), .labelled("x", nil), .labelled("y", 7)], nested: [["a", nil], []],
        date: Date(timeIntervalSinceReferenceDate: 12345.678))

    @Test func roundTripsEveryKindOfValue() throws {
        let bytes = try CompactEncoder.encode(Self.sample)
        let back = try CompactDecoder.decode(Sample.self, from: bytes)
        #expect(back == Self.sample)
        #expect(back.values.map(\.bitPattern) == Self.sample.values.map(\.bitPattern))
    }

    @Test func refusesEveryTruncationAndTrailingBytes() throws {
        let bytes = try CompactEncoder.encode(Self.sample)
        for end in 0..<bytes.count {
            #expect(throws: DecodingError.self) { try CompactDecoder.decode(Sample.self, from: Array(bytes[..<end])) }
        }
        #expect(throws: DecodingError.self) { try CompactDecoder.decode(Sample.self, from: bytes + [0]) }
    }

    @Test func refusesAnotherType() throws {
        struct Narrow: Codable { var small: UInt8 }
        struct Wide: Codable { var small: Int }
        #expect(throws: DecodingError.self) { try CompactDecoder.decode(Narrow.self, from: CompactEncoder.encode(Wide(small: 300))) }
        #expect(throws: DecodingError.self) { try CompactDecoder.decode(Narrow.self, from: CompactEncoder.encode(Wide(small: -1))) }
        #expect(throws: DecodingError.self) { try CompactDecoder.decode(Sample.self, from: CompactEncoder.encode(Wide(small: 1))) }
        #expect(throws: DecodingError.self) { try CompactDecoder.decode([String].self, from: CompactEncoder.encode([1, 2])) }
    }

    @Test func refusesAValueNestedTooDeep() {
        // Arrays in arrays past the depth limit, each item count 1.
        let deep: [UInt8] = Array(Array(repeating: [UInt8(7), 1], count: 300).joined()) + [0]
        #expect(CompactValue.read(deep) == nil)
        let shallow: [UInt8] = Array(Array(repeating: [UInt8(7), 1], count: 200).joined()) + [0]
        #expect(CompactValue.read(shallow) != nil)
    }
}
