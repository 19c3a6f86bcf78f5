/// Decodes a `Codable` value from the bytes ``CompactEncoder`` wrote (see ``CompactValue``): no
/// special cases, so none of the runtime's type and conformance lookups JSONDecoder makes for
/// each type it meets. A value that does not fit the type (a missing key, another kind, a number
/// out of range) throws, so ``DecodedCache`` makes the value again rather than use a part of it.
enum CompactDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        guard let value = CompactValue.read(bytes) else { throw mismatch("a well-formed payload") }
        return try T(from: Decoding(value: value))
    }

    static func mismatch(_ expected: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "expected \(expected)"))
    }

    /// The value as a primitive type; throws when it holds another kind or does not fit.
    static func unbox<T: FixedWidthInteger>(_ value: CompactValue, as: T.Type) throws -> T {
        switch value {
        case .int(let n): if let t = T(exactly: n) { return t }
        case .uint(let n): if let t = T(exactly: n) { return t }
        default: break
        }
        throw mismatch("\(T.self)")
    }

    static func unbox(_ value: CompactValue, as: Bool.Type) throws -> Bool {
        guard case .bool(let b) = value else { throw mismatch("a Bool") }
        return b
    }

    static func unbox(_ value: CompactValue, as: String.Type) throws -> String {
        guard case .string(let s) = value else { throw mismatch("a String") }
        return s
    }

    static func unbox(_ value: CompactValue, as: Double.Type) throws -> Double {
        guard case .double(let d) = value else { throw mismatch("a Double") }
        return d
    }

    static func unbox(_ value: CompactValue, as: Float.Type) throws -> Float {
        guard case .double(let d) = value, let f = Float(exactly: d) ?? (d.isNaN ? Float.nan : nil) else { throw mismatch("a Float") }
        return f
    }

    struct Decoding: Decoder {
        let value: CompactValue
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let pairs) = value else { throw mismatch("a keyed value") }
            return KeyedDecodingContainer(Keyed<Key>(pairs: Pairs(pairs)))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let items) = value else { throw mismatch("an array") }
            return Unkeyed(items: items)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value) }
    }

    /// A keyed value's pairs; a lookup starts after the last one found, as keys are mostly read
    /// in the order they were written.
    final class Pairs {
        let pairs: [(String, CompactValue)]
        var next = 0

        init(_ pairs: [(String, CompactValue)]) { self.pairs = pairs }

        func value(_ key: String) -> CompactValue? {
            let n = pairs.count
            for step in 0..<n {
                let i = (next + step) % n
                if pairs[i].0 == key {
                    next = i + 1
                    return pairs[i].1
                }
            }
            return nil
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let pairs: Pairs
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { pairs.pairs.compactMap { Key(stringValue: $0.0) } }

        func contains(_ key: Key) -> Bool { pairs.value(key.stringValue) != nil }

        private func value(_ key: Key) throws -> CompactValue {
            guard let value = pairs.value(key.stringValue) else {
                throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "no value"))
            }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try value(key) { return true }
            return false
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try unbox(value(key), as: type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try unbox(value(key), as: type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try unbox(value(key), as: type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try unbox(value(key), as: type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try unbox(value(key), as: type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try unbox(value(key), as: type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try unbox(value(key), as: type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try unbox(value(key), as: type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try unbox(value(key), as: type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try unbox(value(key), as: type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try unbox(value(key), as: type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try unbox(value(key), as: type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try unbox(value(key), as: type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try unbox(value(key), as: type) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try T(from: Decoding(value: value(key))) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try Decoding(value: value(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try Decoding(value: value(key)).unkeyedContainer() }
        func superDecoder() throws -> any Decoder { Decoding(value: pairs.value("super") ?? .null) }
        func superDecoder(forKey key: Key) throws -> any Decoder { Decoding(value: pairs.value(key.stringValue) ?? .null) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let items: [CompactValue]
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private mutating func next() throws -> CompactValue {
            guard currentIndex < items.count else { throw mismatch("another item") }
            defer { currentIndex += 1 }
            return items[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard currentIndex < items.count else { throw mismatch("another item") }
            guard case .null = items[currentIndex] else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try unbox(next(), as: type) }
        mutating func decode(_ type: String.Type) throws -> String { try unbox(next(), as: type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try unbox(next(), as: type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try unbox(next(), as: type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try unbox(next(), as: type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try unbox(next(), as: type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try unbox(next(), as: type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try unbox(next(), as: type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try unbox(next(), as: type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try unbox(next(), as: type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try unbox(next(), as: type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try unbox(next(), as: type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try unbox(next(), as: type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try unbox(next(), as: type) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: Decoding(value: next())) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try Decoding(value: next()).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try Decoding(value: next()).unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { Decoding(value: try next()) }
    }

    struct Single: SingleValueDecodingContainer {
        let value: CompactValue
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool {
            if case .null = value { return true }
            return false
        }

        func decode(_ type: Bool.Type) throws -> Bool { try unbox(value, as: type) }
        func decode(_ type: String.Type) throws -> String { try unbox(value, as: type) }
        func decode(_ type: Double.Type) throws -> Double { try unbox(value, as: type) }
        func decode(_ type: Float.Type) throws -> Float { try unbox(value, as: type) }
        func decode(_ type: Int.Type) throws -> Int { try unbox(value, as: type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try unbox(value, as: type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try unbox(value, as: type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try unbox(value, as: type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try unbox(value, as: type) }
        func decode(_ type: UInt.Type) throws -> UInt { try unbox(value, as: type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try unbox(value, as: type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try unbox(value, as: type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try unbox(value, as: type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try unbox(value, as: type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: Decoding(value: value)) }
    }
}
