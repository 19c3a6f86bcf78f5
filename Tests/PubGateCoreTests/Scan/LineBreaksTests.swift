import Testing

@testable import PubGateCore

/// The line breaks a match can hold, read from the pattern: a bound only where nothing unknown or
/// unbounded can match a line feed.
@Suite struct LineBreaksTests {
    @Test func boundsWhatCanMatchALineFeed() {
        let cases: [(String, [String], Int?)] = [
            (#"[ \t]*:[ \t]*[\p{sc:Han}]{2,3}"#, [], 0),
            (#"[^\s,，]{4,}"#, [], 0),
            (#"[^\n]{0,40}案$"#, [], 0),
            (#"a\nb"#, [], 1),
            (#"(?:a[ \t]*\n){3}b"#, [], 3),
            (#"x(?:\n|y)?z|\n\n"#, [], 2),
            (#"a.+b"#, [], 0),
            (#"a.b"#, ["dotall"], 1),
            (#"a.+b"#, ["dotall"], nil),
            (#"[^x]+"#, [], nil),
            (#"\s"#, [], 1),
            (#"\p{L}"#, [], 1),
            (#"[\x00-\x7f]"#, [], 1),
            (#"[\x{0b}-\x{7f}]"#, [], 0),
            (#"[]\n]"#, [], 1),
            (#"[[:space:]]"#, [], 1),
            (#"[[:alpha:]]+"#, [], 0),
            (#"(?<![0-9])\d+(?=\n)"#, [], 1),
            (#"\n{2,}"#, [], nil),
            (#"a{,3}\n"#, [], 1),
            (#"(?<name>a)\k<name>"#, [], nil),
            (#"(a)\1"#, [], nil),
            (#"(?i)a"#, [], nil),
            (#"(*UCP)a"#, [], nil),
            (#"a b"#, ["extended"], nil),
            (#"(a"#, [], nil),
        ]
        for (pattern, flags, expected) in cases {
            #expect(LineBreaks.maxCount(in: pattern, flags: flags) == expected, "\(pattern)")
        }
    }

    /// What the shipped rules get: every unbounded rule but the one that says so is bounded in lines.
    @Test func shippedRulesAreBoundedInLines() {
        let counts = Dictionary(
            uniqueKeysWithValues: shippedRules.rules.map { ($0.rule.id, LineBreaks.maxCount(in: $0.rule.pattern, flags: $0.rule.flags ?? [])) })
        #expect(counts["pi_resident_id_18"] == 17)
        #expect(counts["sec_mark_key_value"] == 1)
        #expect(counts["pi_email"] == 0)
        #expect(counts["proc_case_file"] == .some(nil))
    }
}
