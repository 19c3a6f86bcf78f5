extension String {
    /// The string for one line of terminal output: control characters (a newline or ESC in a file
    /// name) written as escapes, so a name cannot split a line or drive the terminal.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControlCharacter) else { return self }
        var out = ""
        for s in unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if s.isControlCharacter {
                    out += "\\u{" + String(s.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// A C0 or C1 control character (tab and line breaks included), or DEL.
    var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
