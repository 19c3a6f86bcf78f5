import EncodingKit

/// How a text file too large to hold decoded whole is read: in windows of a few megabytes that
/// overlap, each decoded, extracted, classified and scanned on its own, so a document's memory
/// follows the window, not the file (decoded scalars, their offsets, segments and the matching
/// copy cost about 18 bytes per input byte: a 100 MB one-line file took the process to 1.86 GB).
///
/// Windows start and end on character boundaries, preferably just after a line break. Each owns
/// its `core` — the cores partition the file — and reads `overlap` bytes on either side, so a
/// match that starts in the core is seen whole with its context; a finding counts for the window
/// whose core holds its first byte. Each window knows the line and column it starts at, so
/// positions come out in the file's terms.
struct TextWindows {
    struct Sizes: Sendable {
        /// Files larger than this are read in windows.
        var threshold = 8 << 20
        /// Bytes each window owns.
        var core = 4 << 20
        /// Bytes read beyond the core on either side: far more than any rule's match and context.
        var overlap = 64 << 10

        static let standard = Sizes()
    }

    struct Window {
        /// Bytes decoded for this window.
        let bytes: Range<Int>
        /// Bytes whose findings this window reports.
        let core: Range<Int>
        /// Where `bytes` starts in the file (1-based).
        let firstLine: Int
        let firstColumn: Int
    }

    let windows: [Window]

    /// Windows over `bytes` in `encoding`, from `start` (after a byte-order mark).
    init(_ bytes: [UInt8], encoding: TextEncoding, start: Int, sizes: Sizes = .standard) {
        let (coreSize, overlap) = (sizes.core, sizes.overlap)
        let units = CharacterUnits(bytes: bytes, encoding: encoding, start: start)
        var cuts = [start]
        while cuts.last! + coreSize < bytes.count {
            let target = cuts.last! + coreSize
            cuts.append(units.boundary(before: target, preferringLineBreakWithin: overlap, after: cuts.last!))
        }
        cuts.append(bytes.count)
        var walker = PositionWalker(units: units, start: start)
        var windows: [Window] = []
        for k in 0..<(cuts.count - 1) {
            let from = k == 0 ? start : units.boundary(before: cuts[k] - overlap, preferringLineBreakWithin: 0, after: cuts[k - 1])
            let to =
                k == cuts.count - 2 ? bytes.count : units.boundary(before: cuts[k + 1] + overlap, preferringLineBreakWithin: 0, after: cuts[k + 1])
            let (line, column) = walker.advance(to: from)
            windows.append(Window(bytes: from..<to, core: cuts[k]..<cuts[k + 1], firstLine: line, firstColumn: column))
        }
        self.windows = windows
    }
}

/// Where characters start in bytes of a known encoding, and what they are.
private struct CharacterUnits {
    let bytes: [UInt8]
    let encoding: TextEncoding
    let start: Int

    /// The length of the character starting at `i` (a surrogate pair is one).
    func length(at i: Int) -> Int {
        switch encoding {
        case .utf8, .utf8BOM:
            let b = bytes[i]
            return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        case .utf16LE, .utf16BE:
            let unit = self.unit(at: i)
            return (0xD800...0xDBFF).contains(unit) && i + 3 < bytes.count ? 4 : 2
        case .gb18030:
            guard bytes[i] >= 0x81, i + 1 < bytes.count else { return 1 }
            return (0x30...0x39).contains(bytes[i + 1]) ? 4 : 2
        }
    }

    func unit(at i: Int) -> Int {
        guard i + 1 < bytes.count else { return 0 }
        return encoding == .utf16BE ? Int(bytes[i]) << 8 | Int(bytes[i + 1]) : Int(bytes[i + 1]) << 8 | Int(bytes[i])
    }

    /// Whether a line break character starts at `i` (LF, or a CR no LF follows).
    func isLineBreak(at i: Int) -> (Bool, width: Int) {
        switch encoding {
        case .utf16LE, .utf16BE:
            let u = unit(at: i)
            return (u == 0x0A || (u == 0x0D && unit(at: i + 2) != 0x0A), 2)
        default:
            let b = bytes[i]
            return (b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)), 1)
        }
    }

    /// A character boundary at or before `target` and after `floor` (itself a boundary): just
    /// after a line break within `distance` bytes when there is one, else the character start.
    func boundary(before target: Int, preferringLineBreakWithin distance: Int, after floor: Int) -> Int {
        let target = min(max(target, floor), bytes.count)
        let step = encoding == .utf16LE || encoding == .utf16BE ? 2 : 1
        if distance > 0 {
            var i = target - ((target - start) % step)
            while i - step >= max(floor, target - distance) {
                if isLineBreak(at: i - step).0 { return i }
                i -= step
            }
        }
        return characterStart(atOrBefore: target, after: floor)
    }

    /// The start of the character holding byte `target`, found backwards where the encoding allows
    /// it (UTF-8, UTF-16; in GB18030 a byte below 0x30 is always a character of its own), else by
    /// reading forwards from `floor`.
    private func characterStart(atOrBefore target: Int, after floor: Int) -> Int {
        switch encoding {
        case .utf8, .utf8BOM:
            var i = target
            while i > floor, i < bytes.count, bytes[i] & 0xC0 == 0x80 { i -= 1 }
            return i
        case .utf16LE, .utf16BE:
            var i = target - ((target - start) % 2)
            if i > floor, (0xDC00...0xDFFF).contains(unit(at: i)) { i -= 2 }
            return i
        case .gb18030:
            var i = target
            while i > floor && i > target - 256 {
                if bytes[i - 1] < 0x30 { return i }
                i -= 1
            }
            var j = floor
            while j + length(at: j) <= target { j += length(at: j) }
            return j
        }
    }
}

/// Line and column of byte offsets visited in increasing order, counted once over the file.
private struct PositionWalker {
    let units: CharacterUnits
    private var offset: Int
    private var line = 1
    private var column = 1

    init(units: CharacterUnits, start: Int) {
        self.units = units
        offset = start
    }

    /// Line and column (1-based, column in scalars) of the character starting at `target`.
    mutating func advance(to target: Int) -> (line: Int, column: Int) {
        while offset < target {
            let (isBreak, width) = units.isLineBreak(at: offset)
            if isBreak {
                line += 1
                column = 1
                offset += width
            } else {
                column += 1
                offset += units.length(at: offset)
            }
        }
        return (line, column)
    }
}
