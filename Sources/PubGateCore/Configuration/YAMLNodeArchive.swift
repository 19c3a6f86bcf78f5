import Yams

/// A composed YAML tree as compact bytes, for ``DecodedCache``: reading it back skips libyaml and,
/// above all, Yams' tag resolution (one `NSRegularExpression` match per rule and plain scalar,
/// about 43 M of the 366 M instructions `check` of one page spent before the tree was cached).
///
/// Each node is its kind (0 scalar, 1 mapping, 2 sequence), its resolved tag name, its style,
/// then the scalar's text or the count of pairs or items and the nodes themselves; a count or a
/// length is LEB128, a text its UTF-8 bytes. Tags are stored resolved, so the tree read back has
/// the tags the parsed one had, and the default resolver and constructor as `Yams.compose` gives
/// them. Marks and anchors are not kept (nothing reads them once the tree is composed). Reading
/// checks every byte: a truncated or damaged archive gives nil, never a partial tree.
enum YAMLNodeArchive {
    /// Deeper trees than this are not archived, nor read (a damaged file must not exhaust the stack).
    static let maxDepth = 256

    /// The bytes of `node`; nil for a tree that holds an alias node, nests deeper than ``maxDepth``
    /// or expands past ``Node/maxExpandedValues`` through aliases (the parsed tree shares what an
    /// alias names; written out, a "billion laughs" block would not end).
    static func encode(_ node: Node) -> [UInt8]? {
        guard !node.expands() else { return nil }
        var out: [UInt8] = []
        return write(node, into: &out, depth: 0) ? out : nil
    }

    /// The tree `bytes` hold; nil unless they are exactly one well-formed node.
    static func decode(_ bytes: [UInt8]) -> Node? {
        var reader = Reader(bytes: bytes)
        guard let node = reader.node(depth: 0), reader.offset == bytes.count else { return nil }
        return node
    }

    private static func write(_ node: Node, into out: inout [UInt8], depth: Int) -> Bool {
        guard depth < maxDepth else { return false }
        switch node {
        case .scalar(let scalar):
            out.append(0)
            write(node.tag.rawValue, into: &out)
            out.append(UInt8(scalar.style.rawValue))
            write(scalar.string, into: &out)
        case .mapping(let mapping):
            out.append(1)
            write(node.tag.rawValue, into: &out)
            out.append(UInt8(mapping.style.rawValue))
            write(mapping.count, into: &out)
            for (key, value) in mapping {
                guard write(key, into: &out, depth: depth + 1), write(value, into: &out, depth: depth + 1) else { return false }
            }
        case .sequence(let sequence):
            out.append(2)
            write(node.tag.rawValue, into: &out)
            out.append(UInt8(sequence.style.rawValue))
            write(sequence.count, into: &out)
            for item in sequence {
                guard write(item, into: &out, depth: depth + 1) else { return false }
            }
        case .alias:
            return false
        }
        return true
    }

    private static func write(_ text: String, into out: inout [UInt8]) {
        write(text.utf8.count, into: &out)
        out.append(contentsOf: text.utf8)
    }

    private static func write(_ number: Int, into out: inout [UInt8]) {
        var rest = UInt(number)
        while rest >= 0x80 {
            out.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    /// A cursor over archived bytes; every read fails (nil) past the end or on a malformed value.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0
        /// One for the whole tree, as `Yams.compose` has one: `Constructor.default` builds its
        /// tables again on every access (9 K instructions a node).
        let constructor = Constructor.default

        mutating func node(depth: Int) -> Node? {
            guard depth < YAMLNodeArchive.maxDepth, let kind = byte(), let tagName = text(), let style = byte() else { return nil }
            let tag = Tag(Tag.Name(rawValue: tagName), .default, constructor)
            switch kind {
            case 0:
                guard let style = Node.Scalar.Style(rawValue: UInt32(style)), let string = text() else { return nil }
                return .scalar(Node.Scalar(string, tag, style))
            case 1:
                guard let style = Node.Mapping.Style(rawValue: UInt32(style)), let count = number() else { return nil }
                var pairs: [(Node, Node)] = []
                for _ in 0..<count {
                    guard let key = node(depth: depth + 1), let value = node(depth: depth + 1) else { return nil }
                    pairs.append((key, value))
                }
                return .mapping(Node.Mapping(pairs, tag, style))
            case 2:
                guard let style = Node.Sequence.Style(rawValue: UInt32(style)), let count = number() else { return nil }
                var items: [Node] = []
                for _ in 0..<count {
                    guard let item = node(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .sequence(Node.Sequence(items, tag, style))
            default:
                return nil
            }
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        /// A LEB128 count no larger than the bytes left (each node takes at least one byte).
        mutating func number() -> Int? {
            var value = 0
            var shift = 0
            while let b = byte() {
                guard shift < 35 else { return nil }
                value |= Int(b & 0x7F) << shift
                if b & 0x80 == 0 { return value <= bytes.count - offset ? value : nil }
                shift += 7
            }
            return nil
        }

        mutating func text() -> String? {
            guard let length = number() else { return nil }
            let end = offset + length
            guard let string = String(validating: bytes[offset..<end], as: UTF8.self) else { return nil }
            offset = end
            return string
        }
    }
}
