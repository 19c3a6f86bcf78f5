import Foundation

/// Byte for byte what `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// writes, at about a quarter of its cost: every review's manifest entry is encoded by it, and
/// Foundation's encoder (a tree of boxed values, then a sorted copy of every object) was an eighth
/// of a whole review.
///
/// Values are written straight into one buffer as they are encoded; an object's members are
/// reordered only when they did not come in key order. Anything this writer does not handle the
/// way Foundation does (nested or super encoders, floating point, `Date`, `Data`, `URL`,
/// `Decimal`, a key written twice, a value that encodes nothing) throws ``Unsupported``, and
/// ``ManifestWriter`` then uses `JSONEncoder` itself.
struct PrettyJSONEncoder {
    struct Unsupported: Error {}

    /// `value` as pretty JSON whose closing bracket is indented `level` × 2 spaces, as it would be
    /// when nested that deep; the first line is indented too when `indentFirstLine`.
    static func encode(_ value: some Encodable, level: Int = 0, indentFirstLine: Bool = false) throws(Unsupported) -> [UInt8] {
        let writer = JSONWriter()
        if indentFirstLine { writer.indent(level) }
        do {
            try writer.value(value, level: level)
        } catch {
            throw Unsupported()
        }
        guard !writer.state.failed else { throw Unsupported() }
        return writer.state.bytes
    }
}

/// The encoder every nested value is handed (one per document, frames on a stack instead of an
/// encoder object per value).
///
/// Its state sits behind a pointer it owns: a class's stored properties are checked for
/// exclusive access at run time on every write, which was two thirds of writing a string.
private final class JSONWriter: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    enum Kind { case unset, object, array, single }

    /// A value being encoded: what container it opened, where its output starts, how deep it is.
    struct Frame {
        var kind: Kind = .unset
        let start: Int
        let level: Int
        /// Where its members start in `members`.
        let firstMember: Int
        var inKeyOrder = true
    }

    /// An object member or array element of an open frame: its key and where its text
    /// (`"key" : value`, no indent or separator) is in `bytes`.
    struct Member {
        let key: String
        let start: Int
        let end: Int
    }

    struct State {
        var bytes: [UInt8] = []
        /// Set when something was met that only Foundation's encoder renders correctly.
        var failed = false
        var frames: [Frame] = []
        var members: [Member] = []
    }

    /// Written by this writer's containers only, one encode at a time on one thread.
    var state = State()

    init() {
        state.bytes.reserveCapacity(4096)
    }

    // MARK: Values

    func value<T: Encodable>(_ value: T, level: Int) throws {
        // Type comparisons, not casts: most values are neither, and a failed cast costs more.
        if T.self == String.self {
            write(value as! String)
        } else if T.self == Int.self {
            integer(value as! Int)
        } else if T.self == Bool.self {
            raw(value as! Bool ? "true" : "false")
        } else if T.self == Finding.self {
            finding(value as! Finding, level: level)
        } else if T.self == [Finding].self {
            findings(value as! [Finding], level: level)
        } else if T.self == Double.self || T.self == Float.self || T.self == Date.self || T.self == Data.self
            || T.self == URL.self || T.self == Decimal.self
        {
            // Foundation renders these its own way.
            unsupported()
        } else {
            state.frames.append(Frame(start: state.bytes.count, level: level, firstMember: state.members.count))
            try value.encode(to: self)
            finish(state.frames.removeLast())
        }
    }

    // MARK: Findings

    /// A finding, member by member in key order, as its `encode(to:)` writes it: a manifest holds
    /// tens of thousands, and Codable's containers (a boxed container per object, generic
    /// metadata lookups) and the member bookkeeping for reordering cost several times the bytes.
    /// Written into the output taken out of `state` for the while: every access to a class's
    /// stored property is checked for exclusivity at run time, which was most of a finding's cost.
    private func finding(_ f: Finding, level: Int) {
        withOutput { Self.finding(f, level: level, into: &$0) }
    }

    /// Runs `body` on the output taken out of `state` (and put back after).
    private func withOutput(_ body: (inout [UInt8]) -> Void) {
        var bytes: [UInt8] = []
        swap(&bytes, &state.bytes)
        body(&bytes)
        swap(&bytes, &state.bytes)
    }

    /// A review's findings, as an array of them encodes (`[`, each at the next level, `]`; an
    /// empty one a blank line between), written at once into the output taken out of `state`.
    private func findings(_ findings: [Finding], level: Int) {
        withOutput { bytes in Self.findings(findings, level: level, into: &bytes) }
    }

    private static func findings(_ findings: [Finding], level: Int, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        bytes.append(0x0A)
        for (i, f) in findings.enumerated() {
            if i > 0 {
                bytes.append(UInt8(ascii: ","))
                bytes.append(0x0A)
            }
            Self.indent(level + 1, into: &bytes)
            Self.finding(f, level: level + 1, into: &bytes)
        }
        bytes.append(0x0A)
        Self.indent(level, into: &bytes)
        bytes.append(UInt8(ascii: "]"))
    }

    private static func finding(_ f: Finding, level: Int, into bytes: inout [UInt8]) {
        var object = ObjectWriter(level: level, into: &bytes)
        object.field(Names.column, f.location?.column, into: &bytes)
        object.field(Names.excerpt, f.excerpt, into: &bytes)
        object.field(Names.kind, f.kind.rawValue, into: &bytes)
        object.field(Names.line, f.location?.line, into: &bytes)
        if let l = f.location {
            object.key(Names.location, into: &bytes)
            var location = ObjectWriter(level: level + 1, into: &bytes)
            location.field(Names.byteEnd, l.byteEnd, into: &bytes)
            location.field(Names.byteStart, l.byteStart, into: &bytes)
            location.field(Names.column, l.column, into: &bytes)
            location.field(Names.container, l.container, into: &bytes)
            location.field(Names.endColumn, l.endColumn, into: &bytes)
            location.field(Names.endLine, l.endLine, into: &bytes)
            location.field(Names.line, l.line, into: &bytes)
            location.close(into: &bytes)
        }
        object.field(Names.match, f.match, into: &bytes)
        object.field(Names.message, f.message, into: &bytes)
        if !f.messageArgs.isEmpty {
            object.key(Names.messageArgs, into: &bytes)
            var args = ObjectWriter(level: level + 1, into: &bytes)
            for key in f.messageArgs.keys.sorted() { args.field(Names.quoted(key), f.messageArgs[key], into: &bytes) }
            args.close(into: &bytes)
        }
        object.field(Names.messageId, f.messageKey, into: &bytes)
        object.field(Names.part, f.part.rawValue, into: &bytes)
        object.field(Names.remediation, f.remediation, into: &bytes)
        object.field(Names.rule, f.ruleID, into: &bytes)
        object.field(Names.severity, f.severity.rawValue, into: &bytes)
        if !f.sources.isEmpty {
            object.key(Names.sources, into: &bytes)
            bytes.append(UInt8(ascii: "["))
            for (i, source) in f.sources.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(0x0A)
                indent(level + 2, into: &bytes)
                string(source, into: &bytes)
            }
            bytes.append(0x0A)
            indent(level + 1, into: &bytes)
            bytes.append(UInt8(ascii: "]"))
        }
        object.field(Names.text, f.masked, into: &bytes)
        object.close(into: &bytes)
    }

    /// A finding's member names, quoted and followed by the separator, written as they are.
    private enum Names {
        static let byteEnd = quoted("byte_end")
        static let byteStart = quoted("byte_start")
        static let column = quoted("column")
        static let container = quoted("container")
        static let endColumn = quoted("end_column")
        static let endLine = quoted("end_line")
        static let excerpt = quoted("excerpt")
        static let kind = quoted("kind")
        static let line = quoted("line")
        static let location = quoted("location")
        static let match = quoted("match")
        static let message = quoted("message")
        static let messageArgs = quoted("message_args")
        static let messageId = quoted("message_id")
        static let part = quoted("part")
        static let remediation = quoted("remediation")
        static let rule = quoted("rule")
        static let severity = quoted("severity")
        static let sources = quoted("sources")
        static let text = quoted("text")

        /// `"name" : `, the name escaped as any string.
        static func quoted(_ name: String) -> [UInt8] {
            var bytes: [UInt8] = []
            JSONWriter.string(name, into: &bytes)
            bytes.append(contentsOf: " : ".utf8)
            return bytes
        }
    }

    /// Writes an object whose members come in key order, each once, and are never empty: what
    /// ``JSONWriter/member(_:_:)`` and ``JSONWriter/finish(_:)`` write for such an object.
    private struct ObjectWriter {
        let level: Int
        private var members = 0

        init(level: Int, into bytes: inout [UInt8]) {
            self.level = level
            bytes.append(UInt8(ascii: "{"))
            bytes.append(0x0A)
        }

        /// Starts a member: `key` is its name quoted with the separator (``Names``).
        mutating func key(_ key: [UInt8], into bytes: inout [UInt8]) {
            if members > 0 {
                bytes.append(UInt8(ascii: ","))
                bytes.append(0x0A)
            }
            members += 1
            JSONWriter.indent(level + 1, into: &bytes)
            bytes.append(contentsOf: key)
        }

        mutating func field(_ name: [UInt8], _ value: String?, into bytes: inout [UInt8]) {
            guard let value else { return }
            key(name, into: &bytes)
            JSONWriter.string(value, into: &bytes)
        }

        mutating func field(_ name: [UInt8], _ value: Int?, into bytes: inout [UInt8]) {
            guard let value else { return }
            key(name, into: &bytes)
            JSONWriter.integer(value, into: &bytes)
        }

        func close(into bytes: inout [UInt8]) {
            bytes.append(0x0A)
            JSONWriter.indent(level, into: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Closes a frame: the closing bracket, members put in key order when they were not.
    private func finish(_ frame: Frame) {
        defer { state.members.removeSubrange(frame.firstMember...) }
        switch frame.kind {
        // A value that encoded nothing is Foundation's to judge.
        case .unset: unsupported()
        case .single: if state.bytes.count == frame.start { unsupported() }
        case .array:
            newline()
            indent(frame.level)
            state.bytes.append(UInt8(ascii: "]"))
        case .object:
            if !frame.inKeyOrder { reorder(frame) }
            newline()
            indent(frame.level)
            state.bytes.append(UInt8(ascii: "}"))
        }
    }

    private func reorder(_ frame: Frame) {
        let own = state.members[frame.firstMember...].sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let region = state.bytes[frame.start...]
        let pad = 2 * (frame.level + 1)
        var out: [UInt8] = []
        out.reserveCapacity(region.count)
        out.append(UInt8(ascii: "{"))
        out.append(0x0A)
        for (i, member) in own.enumerated() {
            if i > 0 {
                out.append(UInt8(ascii: ","))
                out.append(0x0A)
            }
            for _ in 0..<pad { out.append(0x20) }
            out.append(contentsOf: region[member.start..<member.end])
        }
        state.bytes.replaceSubrange(frame.start..., with: out)
    }

    // MARK: Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        open(.object)
        return KeyedEncodingContainer(KeyedWriter<Key>(writer: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        open(.array)
        return UnkeyedWriter(writer: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        open(.single)
        return SingleWriter(writer: self)
    }

    /// Marks the current frame's kind, writing the opening bracket; asking again for the same kind
    /// is allowed, for another kind is not.
    private func open(_ kind: Kind) {
        guard let top = state.frames.indices.last else {
            unsupported()
            return
        }
        if state.frames[top].kind == kind { return }
        guard state.frames[top].kind == .unset else {
            unsupported()
            return
        }
        state.frames[top].kind = kind
        switch kind {
        case .object: state.bytes.append(UInt8(ascii: "{"))
        case .array: state.bytes.append(UInt8(ascii: "["))
        case .single, .unset: return
        }
        newline()
    }

    /// Writes one member of the current object (`key` non-nil) or array: separator, indent, key,
    /// then `body`.
    func member(_ key: String?, _ body: () throws -> Void) rethrows {
        guard let top = state.frames.indices.last else {
            unsupported()
            return
        }
        let frame = state.frames[top]
        let count = state.members.count - frame.firstMember
        if count > 0 {
            state.bytes.append(UInt8(ascii: ","))
            newline()
        }
        indent(frame.level + 1)
        let start = state.bytes.count
        if let key {
            if count > 0 {
                let previous = state.members[state.members.count - 1].key
                if key == previous { unsupported() }
                if key.utf8.lexicographicallyPrecedes(previous.utf8) { state.frames[top].inKeyOrder = false }
            }
            write(key)
            raw(" : ")
        }
        try body()
        state.members.append(Member(key: key ?? "", start: start, end: state.bytes.count))
    }

    /// What only Foundation's encoder renders as Foundation does (nested and super encoders are
    /// not used by pubgate's types).
    func unsupported() { state.failed = true }

    // MARK: Output

    func indent(_ level: Int) { Self.indent(level, into: &state.bytes) }

    static func indent(_ level: Int, into bytes: inout [UInt8]) {
        let width = 2 * level
        if width <= spaces.count {
            bytes.append(contentsOf: spaces[..<width])
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: width))
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    func newline() { state.bytes.append(0x0A) }

    func raw(_ text: String) { state.bytes.append(contentsOf: text.utf8) }

    func integer(_ value: some BinaryInteger) { Self.integer(value, into: &state.bytes) }

    /// An integer in decimal, written digit by digit (a `String` for each was most of its cost).
    static func integer(_ value: some BinaryInteger, into bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // The digits come out last first: collected in a small buffer, then written in order.
        var digits = InlineArray<40, UInt8>(repeating: 0)
        var n = 0
        repeat {
            digits[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            n += 1
        } while magnitude > 0
        while n > 0 {
            n -= 1
            bytes.append(digits[n])
        }
    }

    func write(_ string: String) { Self.string(string, into: &state.bytes) }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`;
    /// `/` and non-ASCII left as they are. Runs needing no escape are copied whole.
    static func string(_ string: String, into bytes: inout [UInt8]) {
        let utf8 = string.utf8
        // Nearly every string needs no escape: copied whole (a String's UTF-8 view copies as one
        // block; a slice of it goes byte by byte).
        bytes.append(UInt8(ascii: "\""))
        if needsNoEscape(utf8.span) {
            bytes.append(contentsOf: utf8)
        } else {
            for byte in utf8 { escape(byte, into: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsNoEscape(_ span: Span<UInt8>) -> Bool {
        for i in span.indices {
            let byte = span[i]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
        }
        return true
    }

    private static func escape(_ byte: UInt8, into bytes: inout [UInt8]) {
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
            bytes.append(byte)
            return
        }
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = "0123456789abcdef".utf8
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(hex[hex.index(hex.startIndex, offsetBy: Int(byte >> 4))])
            bytes.append(hex[hex.index(hex.startIndex, offsetBy: Int(byte & 0xF))])
        }
    }

    /// The current frame's level: a single-value container's value is rendered at it.
    var currentLevel: Int { state.frames.last?.level ?? 0 }
    /// The level of a member's value, one deeper than its container.
    var nestedLevel: Int { currentLevel + 1 }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { writer.member(key.stringValue) { writer.raw("null") } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { writer.member(key.stringValue) { writer.raw(value ? "true" : "false") } }
    mutating func encode(_ value: String, forKey key: Key) throws { writer.member(key.stringValue) { writer.write(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { writer.unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { writer.unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { writer.member(key.stringValue) { writer.integer(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.member(key.stringValue) { try writer.value(value, level: writer.nestedLevel) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: JSONWriter()))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.unsupported()
        return UnkeyedWriter(writer: JSONWriter())
    }

    mutating func superEncoder() -> any Encoder {
        writer.unsupported()
        return JSONWriter()
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.unsupported()
        return JSONWriter()
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let writer: JSONWriter
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(writer: JSONWriter) {
        self.writer = writer
    }

    mutating func encodeNil() throws { add { $0.raw("null") } }
    mutating func encode(_ value: Bool) throws { add { $0.raw(value ? "true" : "false") } }
    mutating func encode(_ value: String) throws { add { $0.write(value) } }
    mutating func encode(_ value: Double) throws { writer.unsupported() }
    mutating func encode(_ value: Float) throws { writer.unsupported() }
    mutating func encode(_ value: Int) throws { add { $0.integer(value) } }
    mutating func encode(_ value: Int8) throws { add { $0.integer(value) } }
    mutating func encode(_ value: Int16) throws { add { $0.integer(value) } }
    mutating func encode(_ value: Int32) throws { add { $0.integer(value) } }
    mutating func encode(_ value: Int64) throws { add { $0.integer(value) } }
    mutating func encode(_ value: UInt) throws { add { $0.integer(value) } }
    mutating func encode(_ value: UInt8) throws { add { $0.integer(value) } }
    mutating func encode(_ value: UInt16) throws { add { $0.integer(value) } }
    mutating func encode(_ value: UInt32) throws { add { $0.integer(value) } }
    mutating func encode(_ value: UInt64) throws { add { $0.integer(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try add { try $0.value(value, level: $0.nestedLevel) }
    }

    private mutating func add(_ body: (JSONWriter) throws -> Void) rethrows {
        let writer = writer
        try writer.member(nil) { try body(writer) }
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: JSONWriter()))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.unsupported()
        return UnkeyedWriter(writer: JSONWriter())
    }

    mutating func superEncoder() -> any Encoder {
        writer.unsupported()
        return JSONWriter()
    }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let writer: JSONWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.raw("null") }
    mutating func encode(_ value: Bool) throws { writer.raw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { writer.write(value) }
    mutating func encode(_ value: Double) throws { writer.unsupported() }
    mutating func encode(_ value: Float) throws { writer.unsupported() }
    mutating func encode(_ value: Int) throws { writer.integer(value) }
    mutating func encode(_ value: Int8) throws { writer.integer(value) }
    mutating func encode(_ value: Int16) throws { writer.integer(value) }
    mutating func encode(_ value: Int32) throws { writer.integer(value) }
    mutating func encode(_ value: Int64) throws { writer.integer(value) }
    mutating func encode(_ value: UInt) throws { writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.value(value, level: writer.currentLevel)
    }
}
