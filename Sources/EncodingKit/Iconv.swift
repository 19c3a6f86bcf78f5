#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's converter between two named encodings (iconv), with the pointers it needs kept
/// here: the GB18030 decoder reads through it, and the tests use it as an oracle pubgate's own
/// decoding does not share.
public enum Iconv {
    /// `input` converted from `source` to `target`, in a buffer of `capacity` bytes; nil when the
    /// converter is missing or the input does not convert whole.
    public static func convert(_ input: [UInt8], from source: String, to target: String, capacity: Int) -> [UInt8]? {
        let cd = unsafe iconv_open(target, source)
        guard unsafe cd != iconv_t(bitPattern: -1) else { return nil }
        defer { unsafe _ = iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: capacity)
        var source = input.map { CChar(bitPattern: $0) }
        var failed = false
        var written = 0
        unsafe source.withUnsafeMutableBufferPointer { src in
            unsafe output.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = src.baseAddress
                var inLeft = src.count
                var outPtr: UnsafeMutablePointer<CChar>? = unsafe UnsafeMutableRawPointer(dst.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = dst.count
                let rc = unsafe iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                failed = rc == -1 || inLeft != 0
                written = dst.count - outLeft
            }
        }
        return failed ? nil : Array(output[0..<written])
    }
}
