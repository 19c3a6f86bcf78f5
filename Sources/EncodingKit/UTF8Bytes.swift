/// UTF-8 encoding of scalar arrays, without going through `String.UnicodeScalarView.append`,
/// which appends scalar by scalar and was 6 % of a review's time on HTML pages here. Inlinable so
/// callers in other modules get it specialized (unspecialized, every scalar went through protocol
/// witnesses: another 3 %).
public enum UTF8Bytes {
    /// The UTF-8 bytes of `scalars`.
    @inlinable
    /// `capacity`: the expected byte count when the caller knows it better than three bytes a scalar
    /// (a lazy filter's count would be a whole extra pass).
    public static func encode<C: Collection>(_ scalars: C, capacity: Int? = nil) -> [UInt8] where C.Element == Unicode.Scalar {
        var out: [UInt8] = []
        out.reserveCapacity(capacity ?? scalars.underestimatedCount * 3)
        for s in scalars {
            let v = s.value
            switch v {
            case 0..<0x80:
                out.append(UInt8(v))
            case 0x80..<0x800:
                out.append(0xC0 | UInt8(v >> 6))
                out.append(0x80 | UInt8(v & 0x3F))
            case 0x800..<0x10000:
                out.append(0xE0 | UInt8(v >> 12))
                out.append(0x80 | UInt8((v >> 6) & 0x3F))
                out.append(0x80 | UInt8(v & 0x3F))
            default:
                out.append(0xF0 | UInt8(v >> 18))
                out.append(0x80 | UInt8((v >> 12) & 0x3F))
                out.append(0x80 | UInt8((v >> 6) & 0x3F))
                out.append(0x80 | UInt8(v & 0x3F))
            }
        }
        return out
    }

    /// The scalars of `string`, decoded from its UTF-8 in one pass (`Array(string.unicodeScalars)`
    /// counts them first, then copies through the generic sequence path).
    @inlinable
    public static func scalars(of string: String) -> [Unicode.Scalar] {
        var string = string
        return string.withUTF8 { unsafe scalars(ofUTF8: $0) }
    }

    /// The scalars of `utf8` (``scalars(ofUTF8:)-unsafe``), for callers outside the Kits.
    public static func scalars(ofUTF8 utf8: Span<UInt8>) -> [Unicode.Scalar] {
        unsafe utf8.withUnsafeBufferPointer { unsafe scalars(ofUTF8: $0) }
    }

    /// The scalars of `utf8`, text known to be UTF-8 (a `String`'s bytes, or what libxml2 hands
    /// back from UTF-8 input), so no `String` has to be made and validated first. A sequence cut
    /// short at the end becomes U+FFFD instead of a read past the buffer.
    @inlinable
    public static func scalars(ofUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        unsafe [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { buffer, count in
            count = 0
            var i = 0
            while i < utf8.count {
                let b0 = unsafe utf8[i]
                // ASCII and three-byte scalars (CJK) take one step each.
                if b0 < 0x80 {
                    unsafe buffer.initializeElement(at: count, to: Unicode.Scalar(b0))
                    count += 1
                    i += 1
                    continue
                }
                if b0 & 0xF0 == 0xE0, i + 2 < utf8.count {
                    let value = unsafe UInt32(b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    unsafe buffer.initializeElement(at: count, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    count += 1
                    i += 3
                    continue
                }
                // Two bytes (C0–DF) or four (F0–F4), or a sequence cut short.
                let (value, length) = unsafe scalar(at: i, in: utf8)
                unsafe buffer.initializeElement(at: count, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                count += 1
                i += length
            }
        }
    }

    /// The value of the scalar whose UTF-8 starts at `i` of `bytes`, and its length in bytes. For
    /// text known to be UTF-8: a sequence cut short at the end is U+FFFD for the bytes left, other
    /// malformed bytes decode to some value, never a read past the end.
    @inlinable
    public static func scalar<C: RandomAccessCollection>(at i: Int, in bytes: C) -> (value: UInt32, length: Int)
    where C.Element == UInt8, C.Index == Int {
        let b = UInt32(bytes[i])
        if b < 0x80 { return (b, 1) }
        let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        guard i + length <= bytes.endIndex else { return (0xFFFD, bytes.endIndex - i) }
        var value = b & (0xFF >> (length + 1))
        for k in (i + 1)..<(i + length) { value = value << 6 | UInt32(bytes[k] & 0x3F) }
        return (value, length)
    }

    /// `scalars` as a string.
    @inlinable
    public static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(decoding: encode(scalars), as: UTF8.self)
    }
}
