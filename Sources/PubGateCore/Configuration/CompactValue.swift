/// A value as ``CompactEncoder`` writes it and ``CompactDecoder`` reads it: a kind byte (0 null,
/// 1 false, 2 true, 3 signed integer, 4 unsigned integer, 5 double, 6 string, 7 array, 8 keyed),
/// then an integer as LEB128 (signed ones zigzag), a double as its 8 bytes (little end first), a
/// string as its UTF-8 length and bytes, an array as its count and items, a keyed value as its
/// count and (key string, value) pairs in the order they were encoded. Reading checks every byte:
/// a truncated or damaged payload gives nil, never a partial value.
enum CompactValue {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([CompactValue])
    case object([(String, CompactValue)])

    /// Deeper values are not read (a damaged file must not exhaust the stack).
    static let maxDepth = 256

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(0)
        case .bool(let b): out.append(b ? 2 : 1)
        case .int(let n):
            out.append(3)
            Self.write(UInt64(bitPattern: (n << 1) ^ (n >> 63)), into: &out)
        case .uint(let n):
            out.append(4)
            Self.write(n, into: &out)
        case .double(let d):
            out.append(5)
            var bits = d.bitPattern
            for _ in 0..<8 {
                out.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        case .string(let s):
            out.append(6)
            Self.write(s, into: &out)
        case .array(let items):
            out.append(7)
            Self.write(UInt64(items.count), into: &out)
            for item in items { item.write(into: &out) }
        case .object(let pairs):
            out.append(8)
            Self.write(UInt64(pairs.count), into: &out)
            for (key, value) in pairs {
                Self.write(key, into: &out)
                value.write(into: &out)
            }
        }
    }

    private static func write(_ s: String, into out: inout [UInt8]) {
        write(UInt64(s.utf8.count), into: &out)
        out.append(contentsOf: s.utf8)
    }

    private static func write(_ number: UInt64, into out: inout [UInt8]) {
        var rest = number
        while rest >= 0x80 {
            out.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    /// The value `bytes` hold; nil unless they are exactly one well-formed value.
    static func read(_ bytes: [UInt8]) -> CompactValue? {
        var reader = Reader(bytes: bytes)
        guard let value = reader.value(depth: 0), reader.offset == bytes.count else { return nil }
        return value
    }

    /// A cursor over the bytes; every read fails (nil) past the end or on a malformed value.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func value(depth: Int) -> CompactValue? {
            guard depth < CompactValue.maxDepth, offset < bytes.count else { return nil }
            let kind = bytes[offset]
            offset += 1
            switch kind {
            case 0: return .null
            case 1: return .bool(false)
            case 2: return .bool(true)
            case 3:
                guard let z = number() else { return nil }
                return .int(Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1))
            case 4: return number().map { .uint($0) }
            case 5:
                guard bytes.count - offset >= 8 else { return nil }
                var bits: UInt64 = 0
                for i in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + i]) }
                offset += 8
                return .double(Double(bitPattern: bits))
            case 6: return string().map { .string($0) }
            case 7:
                guard let count = count() else { return nil }
                var items: [CompactValue] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .array(items)
            case 8:
                guard let count = count() else { return nil }
                var pairs: [(String, CompactValue)] = []
                pairs.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = string(), let item = value(depth: depth + 1) else { return nil }
                    pairs.append((key, item))
                }
                return .object(pairs)
            default: return nil
            }
        }

        mutating func number() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                let b = bytes[offset]
                offset += 1
                guard shift < 64, shift < 63 || b <= 1 else { return nil }
                value |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }

        /// A count or length no larger than the bytes left (each item takes at least one byte).
        mutating func count() -> Int? {
            guard let n = number(), n <= UInt64(bytes.count - offset) else { return nil }
            return Int(n)
        }

        mutating func string() -> String? {
            guard let length = count() else { return nil }
            let end = offset + length
            guard let s = String(validating: bytes[offset..<end], as: UTF8.self) else { return nil }
            offset = end
            return s
        }
    }
}
