import Foundation

/// Encodes a `Codable` value as ``CompactValue`` bytes, for ``DecodedCache``: JSONDecoder spent
/// most of its time on start-up in the runtime's type and conformance lookups it makes for every
/// type it meets (its special cases for dates, dictionaries and the like), 80 M instructions of
/// `check` on one page for the decoded rules and message catalogues. Nothing here but the values.
enum CompactEncoder {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = Slot()
        try value.encode(to: Encoding(slot: root))
        var out: [UInt8] = []
        root.finished().write(into: &out)
        return out
    }

    /// A value being encoded: containers are filled after they are handed out, so each one is a
    /// reference until the whole value is written.
    final class Slot {
        var value: CompactValue = .null
        var items: [Slot]?
        var pairs: [(String, Slot)]?

        /// The finished value of this slot and of those under it.
        func finished() -> CompactValue {
            if let items { return .array(items.map { $0.finished() }) }
            if let pairs { return .object(pairs.map { ($0.0, $0.1.finished()) }) }
            return value
        }
    }

    struct Encoding: Encoder {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if slot.pairs == nil { slot.pairs = [] }
            return KeyedEncodingContainer(Keyed<Key>(slot: slot))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if slot.items == nil { slot.items = [] }
            return Unkeyed(slot: slot)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        private func child(_ key: Key) -> Slot {
            let child = Slot()
            slot.pairs!.append((key.stringValue, child))
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).value = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).value = .bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { child(key).value = .string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { child(key).value = .double(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { child(key).value = .double(Double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { child(key).value = .int(Int64(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).value = .int(Int64(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).value = .int(Int64(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).value = .int(Int64(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).value = .int(value) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).value = .uint(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try value.encode(to: Encoding(slot: child(key))) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            Encoding(slot: child(key)).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Encoding(slot: child(key)).unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { Encoding(slot: child(Key(stringValue: "super")!)) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { Encoding(slot: child(key)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }
        var count: Int { slot.items!.count }

        private func next() -> Slot {
            let child = Slot()
            slot.items!.append(child)
            return child
        }

        mutating func encodeNil() throws { next().value = .null }
        mutating func encode(_ value: Bool) throws { next().value = .bool(value) }
        mutating func encode(_ value: String) throws { next().value = .string(value) }
        mutating func encode(_ value: Double) throws { next().value = .double(value) }
        mutating func encode(_ value: Float) throws { next().value = .double(Double(value)) }
        mutating func encode(_ value: Int) throws { next().value = .int(Int64(value)) }
        mutating func encode(_ value: Int8) throws { next().value = .int(Int64(value)) }
        mutating func encode(_ value: Int16) throws { next().value = .int(Int64(value)) }
        mutating func encode(_ value: Int32) throws { next().value = .int(Int64(value)) }
        mutating func encode(_ value: Int64) throws { next().value = .int(value) }
        mutating func encode(_ value: UInt) throws { next().value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { next().value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt16) throws { next().value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt32) throws { next().value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt64) throws { next().value = .uint(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: Encoding(slot: next())) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            Encoding(slot: next()).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Encoding(slot: next()).unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { Encoding(slot: next()) }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { slot.value = .null }
        mutating func encode(_ value: Bool) throws { slot.value = .bool(value) }
        mutating func encode(_ value: String) throws { slot.value = .string(value) }
        mutating func encode(_ value: Double) throws { slot.value = .double(value) }
        mutating func encode(_ value: Float) throws { slot.value = .double(Double(value)) }
        mutating func encode(_ value: Int) throws { slot.value = .int(Int64(value)) }
        mutating func encode(_ value: Int8) throws { slot.value = .int(Int64(value)) }
        mutating func encode(_ value: Int16) throws { slot.value = .int(Int64(value)) }
        mutating func encode(_ value: Int32) throws { slot.value = .int(Int64(value)) }
        mutating func encode(_ value: Int64) throws { slot.value = .int(value) }
        mutating func encode(_ value: UInt) throws { slot.value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { slot.value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt16) throws { slot.value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt32) throws { slot.value = .uint(UInt64(value)) }
        mutating func encode(_ value: UInt64) throws { slot.value = .uint(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: Encoding(slot: slot)) }
    }
}
