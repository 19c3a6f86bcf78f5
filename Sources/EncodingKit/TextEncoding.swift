/// The character encodings pubgate reads. GBK and GB2312 are subsets of GB18030 and decode as it.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case gb18030 = "gb18030"

    /// Maps a declared charset label (`<meta charset>`, XML prolog) to an encoding, if pubgate knows it.
    public init?(label: String) {
        switch label.lowercased().trimmingCharacters(in: " \"'") {
        case "utf-8", "utf8": self = .utf8
        case "gbk", "gb2312", "gb18030", "cp936", "x-gbk", "euc-cn", "gb_2312-80": self = .gb18030
        case "utf-16le": self = .utf16LE
        case "utf-16be", "utf-16": self = .utf16BE
        default: return nil
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
