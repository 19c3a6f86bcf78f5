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

    /// The origin of the scalar holding byte `offset` of `utf8` (the text this map was built with).
    func origin(ofByte offset: Int, in utf8: [UInt8]) -> Int {
        guard !starts.isEmpty else { return 0 }
        // The last run starting at or before `offset`.
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
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
