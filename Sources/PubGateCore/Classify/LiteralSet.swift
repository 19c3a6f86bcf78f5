/// Many literals looked for together in one pass over a text: which of them occur.
///
/// The document-type rules gate each body cue on its literals (``PatternLiterals``); one search per
/// literal read the document's opening once per literal, more than the patterns it spared. Here
/// each character of the text is looked up once in a table of the literals' first characters.
struct LiteralSet: Sendable {
    let literals: [[UInt8]]
    /// For each character (its scalar value, up to U+FFFF), 1 + the index in `groups` of the
    /// literals that start with it; 0 for none.
    private let slot: [UInt16]
    private let groups: [[Int]]
    /// Literals whose first character is not in the table (above U+FFFF): counted as present.
    private let unkeyed: [Int]

    init(_ literals: [[UInt8]]) {
        self.literals = literals
        var slot = [UInt16](repeating: 0, count: 0x10000)
        var groups: [[Int]] = []
        var unkeyed: [Int] = []
        for (index, literal) in literals.enumerated() {
            guard let (key, _) = Self.character(at: 0, in: literal[...]) else {
                unkeyed.append(index)
                continue
            }
            if slot[key] == 0 {
                groups.append([])
                slot[key] = UInt16(groups.count)
            }
            groups[Int(slot[key]) - 1].append(index)
        }
        self.slot = slot
        self.groups = groups
        self.unkeyed = unkeyed
    }

    /// For each literal, whether it occurs in `text` (valid UTF-8).
    func present(in text: [UInt8]) -> [Bool] {
        var found = [Bool](repeating: false, count: literals.count)
        for index in unkeyed { found[index] = true }
        let n = text.count
        var i = 0
        // One step per character, its key read inline: this loop reads every byte of the opening.
        while i < n {
            let start = i
            let b = text[i]
            let key: Int
            if b < 0x80 {
                key = Int(b)
                i += 1
            } else if b >= 0xE0, b < 0xF0, i + 2 < n {
                key = (Int(b & 0x0F) << 12) | (Int(text[i + 1] & 0x3F) << 6) | Int(text[i + 2] & 0x3F)
                i += 3
            } else if b >= 0xC0, b < 0xE0, i + 1 < n {
                key = (Int(b & 0x1F) << 6) | Int(text[i + 1] & 0x3F)
                i += 2
            } else {
                i += 1
                continue
            }
            let s = slot[key]
            guard s != 0 else { continue }
            for index in groups[Int(s) - 1] where !found[index] {
                let literal = literals[index]
                if start + literal.count <= n, text[start..<(start + literal.count)].elementsEqual(literal) { found[index] = true }
            }
        }
        return found
    }

    /// The scalar value (up to U+FFFF) and length of the UTF-8 character starting at `i`; nil for a
    /// continuation byte, a four-byte character or a cut one.
    private static func character(at i: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int)? {
        let b = bytes[i]
        if b < 0x80 { return (Int(b), 1) }
        if b >= 0xE0, b < 0xF0, i + 2 < bytes.endIndex {
            return ((Int(b & 0x0F) << 12) | (Int(bytes[i + 1] & 0x3F) << 6) | Int(bytes[i + 2] & 0x3F), 3)
        }
        if b >= 0xC0, b < 0xE0, i + 1 < bytes.endIndex { return ((Int(b & 0x1F) << 6) | Int(bytes[i + 1] & 0x3F), 2) }
        return nil
    }
}
