/// Text the Markdown walker builds up, as a ``TextSegment`` holds it: UTF-8 and origin runs. A run
/// goes on while each character comes from the byte after the previous one's, as
/// ``TextSegment/init(part:scalars:origins:endsBlock:place:)`` makes runs, so text copied from the
/// source takes one run and is appended a stretch at a time.
struct MarkdownText {
    private(set) var utf8: [UInt8] = []
    private var runStarts: [Int32] = []
    private var runOrigins: [Int32] = []
    /// The origin the next byte has when it goes on with the last run.
    private var next: Int32 = -1

    /// Appends `bytes` that came from the source's bytes from `origin` on, one for one.
    mutating func append(_ bytes: some Collection<UInt8>, from origin: Int32) {
        guard !bytes.isEmpty else { return }
        if origin != next {
            runStarts.append(Int32(utf8.count))
            runOrigins.append(origin)
        }
        utf8.append(contentsOf: bytes)
        next = origin &+ Int32(bytes.count)
    }

    /// Appends the characters of `bytes` (UTF-8), character `k` from `origins[k]`.
    mutating func append(_ bytes: [UInt8], origins: [Int32]) {
        var i = 0
        var k = 0
        while i < bytes.count, k < origins.count {
            let b = bytes[i]
            let width = min(bytes.count - i, b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4)
            append(bytes[i..<(i + width)], from: origins[k])
            i += width
            k += 1
        }
    }

    mutating func removeAll() {
        utf8.removeAll(keepingCapacity: true)
        runStarts.removeAll(keepingCapacity: true)
        runOrigins.removeAll(keepingCapacity: true)
        next = -1
    }

    /// Whether the text holds a character that is not White_Space.
    var hasContent: Bool { !Unicode.Scalar.allWhiteSpace(utf8.span) }

    func segment(part: ContentPart, endsBlock: Bool = true) -> TextSegment {
        TextSegment(part: part, utf8: utf8, runStarts: runStarts, runOrigins: runOrigins, endsBlock: endsBlock)
    }
}
