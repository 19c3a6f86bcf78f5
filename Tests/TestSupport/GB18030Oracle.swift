import EncodingKit

/// Text as GB18030 bytes, by the C library's converter (iconv, through EncodingKit's ``Iconv``): an
/// oracle pubgate's own decoder does not share. nil when the converter is missing.
public enum GB18030Oracle {
    public static func bytes(of text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        return Iconv.convert(utf8, from: "UTF-8", to: "GB18030", capacity: utf8.count * 2 + 16)
    }
}
