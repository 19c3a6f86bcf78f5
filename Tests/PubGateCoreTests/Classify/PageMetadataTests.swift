import TestSupport
import Testing

@testable import PubGateCore

@Suite struct PageMetadataTests {
    /// A key's leaf is the same whether it takes the byte path (plain keys) or the
    /// character-by-character one: last dotted part, lower-cased, without white space.
    @Test(arguments: 0..<20) func leafOfPlainKeysIsTheCharacterLeaf(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed))
        let pool: [Unicode.Scalar] = [
            "文", "号", "索", "引", "a", "z", "_", "-", "1", ".", ":", "m", "e", "t", "A", "Q", " ", "\t", "\r", "\n", "\u{3000}",
            "\u{A0}", "é", "\u{301}", "\u{4E00}", "\u{9FFF}", "\u{4DB5}", "\u{FA08}", "、", "Ä", "\u{1}", "\u{7F}",
        ]
        for _ in 0..<200 {
            var view = String.UnicodeScalarView()
            if rng.next() % 4 == 0 { view.append(contentsOf: "meta:".unicodeScalars) }
            for _ in 0..<Int(rng.next() % 12) { view.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            let key = String(view)
            let expected = (key.hasPrefix("meta:") ? key : String(key.split(separator: ".").last ?? Substring(key)))
                .lowercased().filter { !$0.isWhitespace }
            #expect(PageMetadata.leaf(of: key) == expected, "\(key.unicodeScalars.map(\.value))")
        }
    }

    @Test func plainKeysKeepTheirLastPart() {
        #expect(PageMetadata.leaf(of: "params.xxgk.written_date") == "written_date")
        #expect(PageMetadata.leaf(of: "Params.Doc No") == "docno")
        #expect(PageMetadata.leaf(of: "meta:ArticleTitle") == "meta:articletitle")
        #expect(PageMetadata.leaf(of: "a..") == "a")
        #expect(PageMetadata.leaf(of: "...") == "...")
        #expect(PageMetadata.leaf(of: "索引号") == "索引号")
    }
}
