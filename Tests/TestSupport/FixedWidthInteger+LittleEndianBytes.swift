extension FixedWidthInteger {
    /// The value's bytes, least significant first (as ZIP records store their fields).
    public var littleEndianBytes: [UInt8] {
        (0..<(Self.bitWidth / 8)).map { UInt8(truncatingIfNeeded: self >> ($0 * 8)) }
    }
}
