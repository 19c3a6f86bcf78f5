/// RFC 4180 quoting shared by the CSV outputs: a cell holding a comma, quote or line break is
/// quoted, quotes doubled.
enum CSV {
    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
