/// Why a file's bytes could not be decoded as text.
public enum DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// NUL bytes or other control bytes: a binary file.
    case binary
    /// Neither valid UTF-8 nor valid GB18030; `offset` is the first byte neither accepts.
    case undecodable(offset: Int)
    /// Declared or marked as an encoding whose bytes are malformed at `offset`.
    case malformed(TextEncoding, offset: Int)
    /// 4 GiB or more: byte offsets are kept in 32 bits (a text document is never that large).
    case tooLarge
    /// A byte-order mark of an encoding pubgate does not read (UTF-32).
    case unsupported(String)
    /// UTF-8 but for a few bytes at `offset` (a damaged copy): read as GB18030 it would be mojibake
    /// in which nothing is found.
    case damagedUTF8(offset: Int)
    /// Not UTF-8, and read as GB18030 mostly characters Chinese text does not use (or control
    /// bytes): another encoding, perhaps UTF-16 without a byte-order mark. pubgate does not guess.
    case notGB18030Text(likelyUTF16: Bool)

    public var description: String {
        switch self {
        case .binary: return "binary content (NUL or control bytes), not a text document"
        case .undecodable(let offset):
            return "neither valid UTF-8 nor valid GB18030 (first bad byte at offset \(offset))"
        case .malformed(let encoding, let offset):
            return "malformed \(encoding.rawValue) at byte offset \(offset)"
        case .tooLarge: return "4 GiB or larger, more than a text document can be"
        case .unsupported(let what): return "\(what) is not an encoding pubgate reads; save the file as UTF-8"
        case .damagedUTF8(let offset):
            return "UTF-8 with invalid bytes at offset \(offset) (a damaged copy?); read as GB18030 it would be mojibake"
        case .notGB18030Text(let likelyUTF16):
            return likelyUTF16
                ? "UTF-16 without a byte-order mark, it seems; pubgate does not guess encodings: save the file as UTF-8 (or UTF-16 with a BOM)"
                : "not UTF-8, and read as GB18030 it would be mostly rare characters (another encoding?); pubgate does not guess encodings: save the file as UTF-8"
        }
    }
}
