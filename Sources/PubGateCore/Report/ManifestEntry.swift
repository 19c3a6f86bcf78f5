import BytesKit

/// A document's manifest entry as the ``ReviewStore`` keeps it, read by its layout instead of
/// decoded: the batch steps add aggregation findings to a few reviews, and decoding those (the
/// reviews with the most findings) with `JSONDecoder` and encoding them again was a fifth of the
/// reports' cost.
///
/// ``ManifestWriter/entry(_:)`` writes an entry as pretty JSON nested two deep: each top-level
/// member starts a line with exactly six spaces and a quote, each finding of `findings` a line
/// with exactly eight spaces and `{`, each member of a finding a line with ten spaces and a quote;
/// deeper values are indented further, and strings hold no line break (it is escaped), so those
/// line starts are the members' boundaries. Whatever does not read this way gives nil, and the
/// caller decodes the review instead.
struct ManifestEntry {
    /// What the decide stage orders and weighs a finding by, as its entry states it.
    struct FindingKey {
        /// Line and column of its location, (0, 0) without one (``DecideStage/order(_:_:)``).
        let position: (line: Int, column: Int)
        let ruleID: String
        let kind: FindingKind
        let severity: Severity
    }

    let bytes: [UInt8]
    /// Each top-level member: its key and its bytes, from its indent to the end of its value.
    let members: [(key: String, range: Range<Int>)]

    init?(_ bytes: [UInt8]) {
        let start: [UInt8] = Array("    {\n".utf8)
        let end: [UInt8] = Array("\n    }".utf8)
        guard bytes.count > start.count + end.count, bytes.starts(with: start), bytes.suffix(end.count).elementsEqual(end) else {
            return nil
        }
        guard let members = Self.members(in: bytes, from: start.count - 1, to: bytes.count - end.count) else { return nil }
        self.bytes = bytes
        self.members = members
    }

    /// The findings' keys and each finding's bytes (its indent to its closing brace), in order.
    func findings() -> [(key: FindingKey, range: Range<Int>)]? {
        guard let member = members.first(where: { $0.key == "findings" }) else { return nil }
        let open = Array("      \"findings\" : [".utf8)
        let valueStart = member.range.lowerBound + open.count
        // An empty array is written `[`, a blank line, the closing bracket.
        if bytes[valueStart..<member.range.upperBound].elementsEqual(Self.emptyArray) { return [] }
        let close = Array("\n      ]".utf8)
        guard bytes[..<member.range.upperBound].suffix(close.count).elementsEqual(close) else { return nil }
        let interiorEnd = member.range.upperBound - close.count
        let starts = Self.lineStarts(Self.findingStart, in: bytes, from: valueStart, to: interiorEnd)
        guard starts.first == valueStart else { return nil }
        var out: [(key: FindingKey, range: Range<Int>)] = []
        out.reserveCapacity(starts.count)
        for (n, start) in starts.enumerated() {
            // Each finding runs from its indent to before the comma that separates it from the next.
            let last = n + 1 < starts.count ? starts[n + 1] - 1 : interiorEnd
            guard n + 1 == starts.count || bytes[last] == UInt8(ascii: ","), let key = findingKey((start + 1)..<last) else { return nil }
            out.append((key, (start + 1)..<last))
        }
        return out
    }

    private static let emptyArray = Array("\n\n      ]".utf8)
    /// The line break and line start of a finding of the array, a member of the entry, the
    /// fields of a finding that make its key (ten spaces deep: its location's own are deeper).
    private static let findingStart = Array("\n        {".utf8)
    private static let memberStart = Array("\n      \"".utf8)
    private static let findingFields = ["line", "column", "rule", "kind", "severity"].map { Array("\n          \"\($0)\" : ".utf8) }

    /// The key of the finding at `range` (`        {\n` … `\n        }`), from its fields' lines.
    private func findingKey(_ range: Range<Int>) -> FindingKey? {
        let close = Array("\n        }".utf8)
        // A copy, so that a field the finding lacks is not looked for in the findings after it.
        let finding = Array(bytes[range])
        guard finding.suffix(close.count).elementsEqual(close) else { return nil }
        var values: [ArraySlice<UInt8>?] = []
        for field in Self.findingFields {
            guard let at = LiteralSearch.firstIndex(of: field, in: finding) else {
                values.append(nil)
                continue
            }
            let valueStart = at + field.count
            guard let lineEnd = LiteralSearch.firstIndex(of: [0x0A], in: finding, from: valueStart) else { return nil }
            values.append(finding[valueStart..<(finding[lineEnd - 1] == UInt8(ascii: ",") ? lineEnd - 1 : lineEnd)])
        }
        let line = values[0].flatMap(Self.integer)
        let column = values[1].flatMap(Self.integer)
        guard (values[0] == nil) == (line == nil), (values[1] == nil) == (column == nil), (line == nil) == (column == nil),
            let rule = values[2].flatMap(Self.plainString), let kind = values[3].flatMap(Self.plainString),
            let severity = values[4].flatMap(Self.plainString).flatMap(Severity.init(rawValue:))
        else { return nil }
        return FindingKey(position: (line ?? 0, column ?? 0), ruleID: rule, kind: FindingKind(rawValue: kind), severity: severity)
    }

    /// The entry with `decision`, `disposition` (absent when nil) and `findings` (each finding's
    /// bytes, already indented for the array) in place of its own.
    func replacing(decision: Decision, disposition: Disposition?, findings: [ArraySlice<UInt8>]) -> [UInt8] {
        var replaced = members.filter { !["decision", "disposition", "findings"].contains($0.key) }.map { ($0.key, bytes[$0.range]) }
        replaced.append(("decision", Self.member("decision", "\"\(decision.rawValue)\"")))
        if let disposition { replaced.append(("disposition", Self.member("disposition", "\"\(disposition.rawValue)\""))) }
        var array = Self.member("findings", "[")
        if findings.isEmpty { array.append(0x0A) }
        for (i, finding) in findings.enumerated() {
            array.append(contentsOf: i == 0 ? [0x0A] : Array(",\n".utf8))
            array.append(contentsOf: finding)
        }
        array.append(contentsOf: "\n      ]".utf8)
        replaced.append(("findings", array))
        replaced.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var out: [UInt8] = Array("    {\n".utf8)
        out.reserveCapacity(bytes.count + findings.reduce(0) { $0 + $1.count })
        for (i, member) in replaced.enumerated() {
            if i > 0 { out.append(contentsOf: ",\n".utf8) }
            out.append(contentsOf: member.1)
        }
        out.append(contentsOf: "\n    }".utf8)
        return out
    }

    /// `      "key" : value`.
    private static func member(_ key: String, _ value: String) -> ArraySlice<UInt8> {
        ArraySlice(("      \"" + key + "\" : " + value).utf8)
    }

    /// The top-level members of the entry whose interior runs from `start` (the `\n` after its
    /// `{`) to `end` (the `\n` before its `}`).
    private static func members(in bytes: [UInt8], from start: Int, to end: Int) -> [(key: String, range: Range<Int>)]? {
        let starts = lineStarts(memberStart, in: bytes, from: start, to: end)
        guard starts.first == start else { return nil }
        var out: [(key: String, range: Range<Int>)] = []
        out.reserveCapacity(starts.count)
        for (n, lineStart) in starts.enumerated() {
            let last = n + 1 < starts.count ? starts[n + 1] - 1 : end
            let keyStart = lineStart + memberStart.count
            guard n + 1 == starts.count || bytes[last] == UInt8(ascii: ","),
                let keyEnd = LiteralSearch.firstIndex(of: Array("\" : ".utf8), in: bytes, from: keyStart), keyEnd < last,
                let key = plainString(bytes[(keyStart - 1)...keyEnd])
            else { return nil }
            out.append((key, (lineStart + 1)..<last))
        }
        return out
    }

    /// Where `marker` (a line break and the start of a line) occurs from `start` up to `end`.
    private static func lineStarts(_ marker: [UInt8], in bytes: [UInt8], from start: Int, to end: Int) -> [Int] {
        var out: [Int] = []
        var position = start
        while position < end, let at = LiteralSearch.firstIndex(of: marker, in: bytes, from: position), at < end {
            out.append(at)
            position = at + marker.count
        }
        return out
    }

    /// A JSON integer written in decimal.
    private static func integer(_ text: ArraySlice<UInt8>) -> Int? {
        Int(String(decoding: text, as: UTF8.self))
    }

    /// A JSON string with nothing escaped in it (anything else: nil).
    private static func plainString(_ text: ArraySlice<UInt8>) -> String? {
        guard text.count >= 2, text.first == UInt8(ascii: "\""), text.last == UInt8(ascii: "\""),
            !text.dropFirst().dropLast().contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 < 0x20 })
        else { return nil }
        return String(decoding: text.dropFirst().dropLast(), as: UTF8.self)
    }
}

extension ManifestEntry.FindingKey {
    init(_ finding: Finding) {
        self.init(
            position: finding.location.map { ($0.line, $0.column) } ?? (0, 0), ruleID: finding.ruleID, kind: finding.kind,
            severity: finding.severity)
    }
}
