/// UTF-8 encoding of scalar arrays, without going through `String.UnicodeScalarView.append`,
/// which appends scalar by scalar and was 6 % of a review's time on HTML pages here. Inlinable so
/// callers in other modules get it specialized (unspecialized, every scalar went through protocol
/// witnesses: another 3 %).
public enum UTF8Bytes {
    /// The UTF-8 bytes of `scalars`.
    @inlinable
    public static func encode<C: Collection>(_ scalars: C) -> [UInt8] where C.Element == Unicode.Scalar {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 3)
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

    /// `scalars` as a string.
    @inlinable
    public static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(decoding: encode(scalars), as: UTF8.self)
    }
}
