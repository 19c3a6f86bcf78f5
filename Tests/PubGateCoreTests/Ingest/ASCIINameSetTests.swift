import Testing

@testable import PubGateCore

@Suite struct ASCIINameSetTests {
    /// The packed lookup answers as the `Set` does: for members of every length up to the packing's
    /// limit, for names that differ only in length or in one late byte, and for names it does not
    /// pack (longer, not ASCII).
    @Test func answersAsTheSetDoes() {
        let members: Set<String> = ["a", "p", "td", "div", "h1", "blockquote", "cellspacing", "fifteen-bytes-x", "sixteen-bytes-xx", "名称"]
        let set = ASCIINameSet(members)
        let probes = members.union([
            "", "b", "pp", "tda", "d", "h2", "blockquotE", "cellspacinG", "fifteen-bytes-y", "sixteen-bytes-xy", "名", "a\u{0}",
        ])
        for name in probes {
            #expect(set.contains(name) == members.contains(name), "\(name)")
        }
    }

    /// A member sharing its first eight bytes with another is told apart by the rest.
    @Test func namesAgreeingOnTheirFirstWordDiffer() {
        let set = ASCIINameSet(["abcdefgh1", "abcdefgh"])
        #expect(set.contains("abcdefgh1") && set.contains("abcdefgh") && !set.contains("abcdefgh2"))
    }
}
