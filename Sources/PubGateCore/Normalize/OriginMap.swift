/// Where each byte of a normalized text came from, stored by runs (see ``NormalizedText``).
///
/// Run `i` starts at normalized byte `starts[i]`, which came from decoded byte `firstOrigins[i]`;
/// each following byte of the run came from the next decoded byte. A character is looked up at its
/// first byte.
struct OriginMap: Sendable {
    private(set) var starts: [Int32] = []
    private(set) var firstOrigins: [Int32] = []

    /// Adds a run starting at normalized byte `byte` whose first byte came from `origin`.
    mutating func startRun(atByte byte: Int, origin: Int32) {
        starts.append(Int32(byte))
        firstOrigins.append(origin)
    }

    /// Drops the runs that start at or after `byte` (the text is being rewritten from there).
    mutating func truncate(toByte byte: Int) {
        while let last = starts.last, Int(last) >= byte {
            starts.removeLast()
            firstOrigins.removeLast()
        }
    }

    /// The last run starting at or before `offset`.
    private func run(holding offset: Int) -> Int {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The origin of the character starting at normalized byte `start`.
    func origin(ofScalarAt start: Int) -> Int32 {
        guard !starts.isEmpty else { return 0 }
        let r = run(holding: start)
        return firstOrigins[r] + Int32(start) - starts[r]
    }

    /// The origin of the character holding byte `offset` of `utf8` (the text this map was built
    /// with): where that character's first byte came from.
    func origin(ofByte offset: Int, in utf8: [UInt8]) -> Int {
        var b = offset
        while b > 0, utf8[b] & 0xC0 == 0x80 { b -= 1 }
        return Int(origin(ofScalarAt: b))
    }
}
