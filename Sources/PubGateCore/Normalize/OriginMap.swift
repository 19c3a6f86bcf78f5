/// Where each byte of a normalized text came from, stored by runs (see ``NormalizedText``).
///
/// Run `i` starts at normalized byte `starts[i]`; its first scalar came from decoded scalar
/// `firstOrigins[i]`, and each following scalar of the run from the next decoded scalar.
struct OriginMap: Sendable {
    /// The longest run: a lookup counts the scalars from its run's start to the byte.
    static let maxRunBytes = 256

    private(set) var starts: [Int32] = []
    private(set) var firstOrigins: [Int32] = []

    /// Adds a run starting at normalized byte `byte` whose first scalar came from `origin`.
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

    /// The origins of the scalars starting at bytes `scalarStarts` (ascending) of `utf8`, in one
    /// walk forward.
    func origins(ofScalarsStartingAt scalarStarts: [Int], in utf8: [UInt8]) -> [Int32] {
        guard let first = scalarStarts.first, !starts.isEmpty else { return scalarStarts.map { _ in 0 } }
        var r = run(holding: first)
        var b = Int(starts[r])
        var startedInRun = 0
        var result: [Int32] = []
        result.reserveCapacity(scalarStarts.count)
        for target in scalarStarts {
            while r + 1 < starts.count, Int(starts[r + 1]) <= target {
                r += 1
                b = Int(starts[r])
                startedInRun = 0
            }
            while b < target {
                if utf8[b] & 0xC0 != 0x80 { startedInRun += 1 }
                b += 1
            }
            result.append(firstOrigins[r] + Int32(startedInRun))
        }
        return result
    }

    /// The origin of the scalar holding byte `offset` of `utf8` (the text this map was built with).
    func origin(ofByte offset: Int, in utf8: [UInt8]) -> Int {
        guard !starts.isEmpty else { return 0 }
        let lo = run(holding: offset)
        // Scalars started between the run's start and `offset` (a lead byte is not 10xxxxxx).
        var scalarsStarted = 0
        var b = Int(starts[lo])
        while b <= offset {
            if utf8[b] & 0xC0 != 0x80 { scalarsStarted += 1 }
            b += 1
        }
        return Int(firstOrigins[lo]) + max(0, scalarsStarted - 1)
    }
}
