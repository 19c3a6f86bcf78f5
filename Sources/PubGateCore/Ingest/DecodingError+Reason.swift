import EncodingKit

extension DecodingError {
    /// The reason's catalogue sentence and its arguments, for the reports' language (the English
    /// stays `description`, EncodingKit's own).
    var reasonID: (id: String, args: [String: String]) {
        switch self {
        case .binary: ("unscannable.binary", [:])
        case .undecodable(let offset): ("unscannable.undecodable", ["offset": String(offset)])
        case .malformed(let encoding, let offset): ("unscannable.malformed", ["encoding": encoding.rawValue, "offset": String(offset)])
        case .tooLarge: ("unscannable.text_too_large", [:])
        case .unsupported(let what): ("unscannable.unsupported_encoding", ["what": what])
        case .damagedUTF8(let offset): ("unscannable.damaged_utf8", ["offset": String(offset)])
        case .notGB18030Text(let likelyUTF16): (likelyUTF16 ? "unscannable.utf16_without_bom" : "unscannable.unknown_encoding", [:])
        }
    }
}
