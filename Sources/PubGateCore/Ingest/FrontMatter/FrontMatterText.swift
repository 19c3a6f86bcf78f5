import EncodingKit

/// The text a front matter block gives the scan, every character pointing at the file.
///
/// Each string value becomes a line of its own, `key: value`, its key as context: `密级: "机密"`,
/// `密级 = '机密'` and `"密级": "机密"` all read `密级: 机密`, as the site generator reads them. Keys
/// that name the secret level in English (`secrecy`, `classification`) read as `密级`. The `title`
/// is the page's title as served (Hugo renders it as `<title>` and the heading): its value is a
/// line of its own, part `title`. Whatever else the block holds — numbers, dates, booleans,
/// comments, keys of tables — is scanned as written, line by line, so nothing in the block goes
/// unread (a mobile written as a TOML integer, a `# 内部资料` comment).
struct FrontMatterText {
    let scalars: [Unicode.Scalar]
    let block: FrontMatterBlock

    /// Keys whose value is a secret level, whatever language the site writes them in.
    static let secrecyKeys: Set<String> = ["密级", "secrecy", "classification", "secret_level", "security_level", "security_classification", "miji"]
    /// Keys whose value is the page's title.
    static let titleKeys: Set<String> = ["title", "标题"]
    /// The most TOML or JSON values given a `key: value` line of their own.
    static let maxLocatedValues = 5000

    /// Segments in file order; without parsed `content` (a malformed block), its lines as written.
    func segments(_ content: FrontMatterContent?) -> [TextSegment] {
        guard let content else { return linesAsWritten() }
        let aligner = LiteralAligner(source: scalars)
        var covered = [Bool](repeating: false, count: block.contentRange.count)
        // Where the values already found start: an array's items share their key.
        var claimed: Set<Int> = []
        var segments: [TextSegment] = []
        let lineStarts = contentLineStarts()
        let keys = block.syntax == .yaml ? [:] : keyIndex()
        for (n, leaf) in content.leaves.enumerated() where leaf.value.unicodeScalars.contains(where: { !$0.isWhiteSpace }) {
            // A TOML or JSON value is looked for among its key's places: past a few thousand values
            // (a block no site writes) the rest are left to the block's text as written.
            if block.syntax != .yaml, n >= Self.maxLocatedValues { break }
            let value = Array(leaf.value.unicodeScalars)
            let located: Located?
            if block.syntax == .yaml {
                located = locateYAML(leaf, value: value, aligner: aligner, lineStarts: lineStarts)
            } else {
                located = locateKeyed(leaf, value: value, aligner: aligner, claimed: claimed, keys: keys)
            }
            let keyOrigins = located?.key ?? []
            let valueOrigins =
                located?.value ?? Array(repeating: Int32(located?.key.first ?? Int32(block.contentRange.lowerBound)), count: value.count)
            if let located {
                // Whole spans: the tail of an escape (`\u5BC6`) is the value's too.
                let spans = [
                    located.key.first.map { Int($0)..<(Int(located.key.last!) + 1) }, located.value.first.map { Int($0)..<located.valueEnd },
                ]
                for case let span? in spans {
                    for i in span { covered[i - block.contentRange.lowerBound] = true }
                }
                if let first = located.value.first { claimed.insert(Int(first)) }
            }
            segments.append(line(for: leaf, value: value, valueOrigins: valueOrigins, keyOrigins: keyOrigins))
        }
        segments += leftover(covered)
        return segments.sorted { ($0.firstOrigin ?? 0) < ($1.firstOrigin ?? 0) }
    }

    private struct Located {
        var key: [Int32]
        var value: [Int32]
        /// Where the value's text ends in the file (after its last escape).
        var valueEnd: Int
    }

    /// `key: value` (or the title alone), the key's characters pointing at the key as written.
    private func line(for leaf: FrontMatterLeaf, value: [Unicode.Scalar], valueOrigins: [Int32], keyOrigins: [Int32]) -> TextSegment {
        let key = leaf.key.lowercased()
        if Self.titleKeys.contains(key), leaf.path.count == 1 {
            return TextSegment(part: .title, scalars: value, scalarOrigins: valueOrigins)
        }
        let label: [Unicode.Scalar]
        let labelOrigins: [Int32]
        let keyStart = keyOrigins.first ?? valueOrigins.first ?? Int32(block.contentRange.lowerBound)
        if Self.secrecyKeys.contains(key) {
            label = Array("密级".unicodeScalars)
            labelOrigins = [keyStart, keyStart]
        } else {
            label = Array(leaf.key.unicodeScalars)
            labelOrigins = keyOrigins.count == label.count ? keyOrigins : Array(repeating: keyStart, count: label.count)
        }
        // `: ` stands for the `:` or `=` the key is written with.
        var separator = keyOrigins.last ?? keyStart
        if let last = keyOrigins.last {
            var p = Int(last) + 1
            while p < block.contentRange.upperBound, scalars[p] == " " || scalars[p] == "\"" || scalars[p] == "'" { p += 1 }
            if p < block.contentRange.upperBound, scalars[p] == ":" || scalars[p] == "=" { separator = Int32(p) }
        }
        return TextSegment(
            part: .frontMatter, scalars: label + [":", " "] + value, scalarOrigins: labelOrigins + [separator, separator] + valueOrigins)
    }

    /// Where a YAML value is: Yams gives the line and column of its key and of its first
    /// character (the opening quote, or the `|`/`>` of a block scalar).
    private func locateYAML(
        _ leaf: FrontMatterLeaf, value: [Unicode.Scalar], aligner: LiteralAligner, lineStarts: [Int]
    ) -> Located? {
        let limit = block.contentRange.upperBound
        guard let mark = leaf.valueMark, let start = position(of: mark, lineStarts: lineStarts) else { return nil }
        var at = start
        var escapes = LiteralAligner.Escapes.none
        switch scalars[start] {
        case "\"": (at, escapes) = (start + 1, .quoted)
        case "'": (at, escapes) = (start + 1, .singleQuoted)
        case "|", ">":
            // A block scalar starts on the line after its indicator.
            while at < limit, scalars[at] != "\n" { at += 1 }
            at += 1
        default: break
        }
        guard at < limit, let found = aligner.match(value[...], at: at, limit: limit, escapes: escapes, lineBreaks: true) else {
            return nil
        }
        var key: [Int32] = []
        if let keyMark = leaf.keyMark, let keyStart = position(of: keyMark, lineStarts: lineStarts) {
            let quoted = scalars[keyStart] == "\"" || scalars[keyStart] == "'"
            key =
                aligner.match(
                    Array(leaf.key.unicodeScalars)[...], at: quoted ? keyStart + 1 : keyStart, limit: limit,
                    escapes: scalars[keyStart] == "\"" ? .quoted : scalars[keyStart] == "'" ? .singleQuoted : .none)?.origins ?? []
        }
        return Located(key: key, value: found.origins, valueEnd: found.end)
    }

    /// Where a TOML or JSON value is: after an occurrence of its key and the `=` or `:` that follows
    /// it (or, for an array's items, an item of the array after it), the first such place whose
    /// value is this one and that no other value has taken.
    private func locateKeyed(
        _ leaf: FrontMatterLeaf, value: [Unicode.Scalar], aligner: LiteralAligner, claimed: Set<Int>, keys: [String: [KeyPlace]]
    ) -> Located? {
        for place in keys[leaf.key] ?? [] {
            if let (origins, end) = valueAfter(place.separator + 1, value: value, aligner: aligner, claimed: claimed) {
                return Located(key: place.key.map { Int32($0) }, value: origins, valueEnd: end)
            }
        }
        return nil
    }

    /// A key as written (its characters, quotes excluded) and the `=` or `:` after it.
    private struct KeyPlace {
        let key: Range<Int>
        let separator: Int
    }

    /// Every key of a TOML or JSON block (the last part of a dotted key), by its text, in one pass
    /// that skips strings and comments, so a separator inside a value is no key's.
    private func keyIndex() -> [String: [KeyPlace]] {
        let range = block.contentRange
        let separator: Unicode.Scalar = block.syntax == .json ? ":" : "="
        func isBare(_ s: Unicode.Scalar) -> Bool {
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-")
        }
        var keys: [String: [KeyPlace]] = [:]
        var pending: Range<Int>?
        var i = range.lowerBound
        while i < range.upperBound {
            let s = scalars[i]
            if s == "\"" || s == "'" {
                guard let (start, end, _) = stringBounds(at: i) else { break }
                pending = start..<end
                i = end
                while i < range.upperBound, scalars[i] == s { i += 1 }
            } else if isBare(s) {
                var j = i
                while j < range.upperBound, isBare(scalars[j]) { j += 1 }
                pending = i..<j
                i = j
            } else if s == separator {
                if let key = pending {
                    keys[UTF8Bytes.string(scalars[key]), default: []].append(KeyPlace(key: key, separator: i))
                }
                pending = nil
                i += 1
            } else if s == "#", block.syntax == .toml {
                while i < range.upperBound, scalars[i] != "\n" { i += 1 }
                pending = nil
            } else {
                // White space and a dotted key's dot keep the key; anything else ends it (in TOML
                // a key and its `=` share a line).
                if !(s == " " || s == "\t" || s == "." || (block.syntax == .json && (s == "\n" || s == "\r"))) { pending = nil }
                i += 1
            }
        }
        return keys
    }

    /// The origins of `value` in the value that starts after `start` (white space skipped): a
    /// string in any of its quotings, or one of an array's items.
    private func valueAfter(
        _ start: Int, value: [Unicode.Scalar], aligner: LiteralAligner, claimed: Set<Int>
    ) -> (origins: [Int32], end: Int)? {
        let limit = block.contentRange.upperBound
        var p = start
        var depth = 0
        while p < limit {
            let s = scalars[p]
            if s == " " || s == "\t" || s == "," || (depth > 0 && (s == "\n" || s == "\r")) {
                p += 1
                continue
            }
            if s == "#", block.syntax == .toml {
                while p < limit, scalars[p] != "\n" { p += 1 }
                continue
            }
            if s == "[" || s == "{" {
                depth += 1
                p += 1
                continue
            }
            if s == "]" || s == "}" {
                depth -= 1
                if depth <= 0 { return nil }
                p += 1
                continue
            }
            guard let (at, end, escapes) = stringBounds(at: p) else { return nil }
            if !claimed.contains(at),
                let found = aligner.match(value[...], at: at, limit: end, escapes: escapes, lineBreaks: true),
                found.end == end
            {
                return found
            }
            // Not this item: the value is a later one of the same array.
            guard depth > 0 else { return nil }
            p = min(limit, end + 1)
            while p < limit, scalars[p] == "\"" || scalars[p] == "'" { p += 1 }
        }
        return nil
    }

    /// The content bounds of a string (or a bare value) starting at `p`, and how it escapes.
    private func stringBounds(at p: Int) -> (Int, Int, LiteralAligner.Escapes)? {
        let limit = block.contentRange.upperBound
        for (quote, escapes) in [("\"\"\"", LiteralAligner.Escapes.quoted), ("'''", .none), ("\"", .quoted), ("'", .none)] {
            let q = Array(quote.unicodeScalars)
            guard scalars[p..<min(limit, p + q.count)].elementsEqual(q) else { continue }
            var start = p + q.count
            // A multi-line string drops the line break right after its opening quotes.
            if q.count == 3, start < limit, scalars[start] == "\n" { start += 1 }
            var i = start
            while i + q.count <= limit {
                if escapes == .quoted, scalars[i] == "\\" {
                    i += 2
                    continue
                }
                if scalars[i..<(i + q.count)].elementsEqual(q) { return (start, i, escapes) }
                i += 1
            }
            return nil
        }
        var end = p
        while end < limit, !",]}#\n\r".unicodeScalars.contains(scalars[end]) { end += 1 }
        while end > p, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        return end > p ? (p, end, .none) : nil
    }

    /// What the values did not account for, line by line: comments, numbers, dates, keys of
    /// tables. Lines of punctuation only (`= ""`, `[`) are left out.
    private func leftover(_ covered: [Bool]) -> [TextSegment] {
        var segments: [TextSegment] = []
        var scalarsOfLine: [Unicode.Scalar] = []
        var originsOfLine: [Int32] = []
        func flush() {
            if scalarsOfLine.contains(where: { !$0.isWhiteSpace && !($0.isASCII && LiteralAligner.asciiPunctuation.contains($0)) }) {
                segments.append(TextSegment(part: .frontMatter, scalars: scalarsOfLine, scalarOrigins: originsOfLine))
            }
            scalarsOfLine.removeAll()
            originsOfLine.removeAll()
        }
        for i in block.contentRange {
            let s = scalars[i]
            if s == "\n" {
                flush()
            } else if !covered[i - block.contentRange.lowerBound], s != "\r" {
                scalarsOfLine.append(s)
                originsOfLine.append(Int32(i))
            }
        }
        flush()
        return segments
    }

    /// A block no parser accepts (a TOML key in Chinese without quotes, which TOML does not allow
    /// and Hugo refuses) is still read: each line as written, except that a line of the form
    /// `key = "value"` or `key: 'value'` reads `key: value`, so a quoted mark is seen as a value.
    private func linesAsWritten() -> [TextSegment] {
        var segments: [TextSegment] = []
        var lineStart = block.contentRange.lowerBound
        for i in block.contentRange.lowerBound...block.contentRange.upperBound
        where i == block.contentRange.upperBound || scalars[i] == "\n" {
            var end = i
            if end > lineStart, scalars[end - 1] == "\r" { end -= 1 }
            if let pair = quotedPair(lineStart..<end) {
                segments.append(pair)
            } else if scalars[lineStart..<end].contains(where: { !$0.isWhiteSpace }) {
                segments.append(
                    TextSegment(part: .frontMatter, scalars: Array(scalars[lineStart..<end]), scalarOrigins: (lineStart..<end).map { Int32($0) }))
            }
            lineStart = i + 1
        }
        return segments
    }

    /// `key = "value"` (or `:`, or single quotes) on `line` as a `key: value` segment.
    private func quotedPair(_ line: Range<Int>) -> TextSegment? {
        var i = line.lowerBound
        while i < line.upperBound, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        let keyStart = i
        while i < line.upperBound, !"=: \t\"'".unicodeScalars.contains(scalars[i]) { i += 1 }
        let keyEnd = i
        while i < line.upperBound, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        guard keyEnd > keyStart, i < line.upperBound, scalars[i] == "=" || scalars[i] == ":" else { return nil }
        i += 1
        while i < line.upperBound, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        guard i < line.upperBound, scalars[i] == "\"" || scalars[i] == "'" else { return nil }
        let quote = scalars[i]
        let valueStart = i + 1
        guard let valueEnd = scalars[valueStart..<line.upperBound].firstIndex(of: quote), valueEnd > valueStart else { return nil }
        let key = Array(scalars[keyStart..<keyEnd])
        let label = Self.secrecyKeys.contains(UTF8Bytes.string(key).lowercased()) ? Array("密级".unicodeScalars) : key
        let labelOrigins = label == key ? (keyStart..<keyEnd).map { Int32($0) } : Array(repeating: Int32(keyStart), count: label.count)
        return TextSegment(
            part: .frontMatter, scalars: label + [":", " "] + Array(scalars[valueStart..<valueEnd]),
            scalarOrigins: labelOrigins + [Int32(keyEnd), Int32(keyEnd)] + (valueStart..<valueEnd).map { Int32($0) })
    }

    /// Where each line of the block's content starts (scalar indices in the file).
    private func contentLineStarts() -> [Int] {
        var starts = [block.contentRange.lowerBound]
        for i in block.contentRange where scalars[i] == "\n" { starts.append(i + 1) }
        return starts
    }

    private func position(of mark: FrontMatterLeaf.Mark, lineStarts: [Int]) -> Int? {
        guard mark.line >= 1, mark.line <= lineStarts.count else { return nil }
        let p = lineStarts[mark.line - 1] + mark.column - 1
        return p < block.contentRange.upperBound ? p : nil
    }
}
