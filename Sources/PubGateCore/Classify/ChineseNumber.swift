/// Numbers as documents write them in dates and periods: ASCII digits (full-width ones are ASCII
/// after normalization), years digit by digit (二〇二五, 二○○九), counts and days (五, 两, 十二, 三十一).
enum ChineseNumber {
    private static let digits: [Character: Int] = [
        "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The value of `text`, nil when it is no number of these forms.
    static func value(_ text: some StringProtocol) -> Int? {
        if let n = Int(text) { return n }
        guard !text.isEmpty else { return nil }
        if !text.contains("十") {
            // Digit by digit: 二〇二五, or a single 五.
            var n = 0
            for ch in text {
                guard let d = digits[ch] else { return nil }
                n = n * 10 + d
            }
            return n
        }
        // 十, 十二, 二十, 三十一 (up to 99).
        let parts = text.split(separator: "十", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 1, parts[1].count <= 1 else { return nil }
        let tens = parts[0].isEmpty ? 1 : digits[parts[0].first!]
        let ones = parts[1].isEmpty ? 0 : digits[parts[1].first!]
        guard let tens, let ones, tens > 0 else { return nil }
        return tens * 10 + ones
    }
}
