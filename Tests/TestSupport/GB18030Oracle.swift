import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Text as GB18030 bytes, by the C library's converter (iconv): an oracle pubgate's own decoder
/// does not share. The one place the tests hand pointers to C; nil when the converter is missing.
public enum GB18030Oracle {
    public static func bytes(of text: String) -> [UInt8]? {
        let cd = unsafe iconv_open("GB18030", "UTF-8")
        guard unsafe cd != iconv_t(bitPattern: -1) else { return nil }
        defer { unsafe iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let done = unsafe input.withUnsafeMutableBufferPointer { inBuf in
            unsafe output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                return unsafe iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            }
        }
        guard done != -1 else { return nil }
        return output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
    }
}
