import BytesKit
import Crypto
import Foundation
import PCRE2Kit

/// What the aggregate stage keeps of a document once its scan is done: the facts that link it to
/// other documents, never its text.
///
/// Built for every document of the batch and of the published site (`--published`); the 三同步
/// check matches a policy with its 解读 through them, by 文号 or by title.
struct DocumentProfile: Sendable {
    let path: String
    let docType: DocumentType
    /// Title without spaces, Markdown marks and 《》.
    let title: String?
    /// Canonical 文号.
    let documentNumber: String?
    let declared: DisclosureAttribute?
    /// Canonical 文号 cited in the body or named by an `interprets` field.
    private(set) var citedNumbers: Set<String>
    /// Titles cited in 《》 (and the `interprets` field when it is a title), keyed like `title`.
    private(set) var citedTitles: Set<TitleBytes>
    /// `title` as bytes, for other documents' `citedTitles`.
    let titleBytes: TitleBytes?
    /// Natural persons the document names with an identity number (kept in memory only).
    private(set) var persons: [PersonMention]
    /// Police operational detail, by category, day and place.
    private(set) var operations: OperationalSummary
    /// sha256 of the normalized body text: the same text republished under another name. Nil when
    /// the run has no corpus index to match it against (``init(_:asOf:hashingText:)``).
    private(set) var textHash: String?
    /// 发布日期, else 成文日期.
    let date: SimpleDate?
    /// The page links its own 解读 (`相关解读：《…》政策解读`): the 双向关联 inspectors look for, so the
    /// interpretation exists even when it is not in the batch or the given site.
    private(set) var linksInterpretation: Bool

    /// The profile of `document`; `hashingText` false leaves `textHash` nil: only the corpus index
    /// (A-08, `index build`/`add`) reads it, and hashing every body (software SHA-256 where the CPU
    /// has no SHA extensions) was half of this stage.
    init(_ document: ClassifiedDocument, asOf: SimpleDate, hashingText: Bool = true) {
        path = DisplayPath.of(document.ingested.path)
        docType = document.docType
        let title = document.normalizedTitle.map(TitleKey.of)
        self.title = title
        let titleBytes = title.map(TitleBytes.init)
        self.titleBytes = titleBytes
        documentNumber = document.documentNumber?.canonical
        declared = document.declaredAttribute
        var numbers: Set<String> = []
        var titles: Set<TitleBytes> = []
        var sources = [document.normalized.utf8]
        if let interprets = document.metadata.interprets { sources.append(Normalizer().normalize(interprets)) }
        if let title = document.normalizedTitle { sources.append(Array(title.utf8)) }
        for bytes in sources {
            for n in DocumentNumber.all(in: bytes) where n.canonical != documentNumber { numbers.insert(n.canonical) }
            for cited in Self.bookTitles(in: bytes) where cited.hasCount(atLeast: 4) && cited != titleBytes { titles.insert(cited) }
        }
        if let interprets = document.metadata.interprets.map(Normalizer.normalized), DocumentNumber.first(in: interprets) == nil {
            titles.insert(TitleBytes(TitleKey.of(interprets)))
        }
        citedNumbers = numbers
        citedTitles = titles
        persons = EntityExtractor.persons(in: document.normalized, lines: document.lines, asOf: asOf)
        operations = EntityExtractor.operations(in: document.normalized.utf8)
        textHash = hashingText ? Self.textHash(of: document) : nil
        date = document.metadata.publishDate ?? document.writtenDate
        // Byte searches spare the line walk in documents without 解读, and the pattern on the lines
        // (nearly all) without it.
        linksInterpretation =
            LiteralSearch.contains(Self.interpretationWord, in: document.normalized.utf8)
            && document.lines.contains { line in
                line.part == .body && line.utf8.includes(Self.interpretationWord) && line.utf8.hasMatch(\.interpretationLink)
            }
    }

    private static let interpretationWord = Array("解读".utf8)

    /// sha256 (hex) of the body's lines (``DocumentLine``: trimmed, non-empty, part `.body`), each
    /// followed by a line break. Stored in the corpus index (`text_hash`), so these exact bytes must
    /// be hashed: a digest the ingest makes as it normalizes can replace this one only if it covers
    /// the same bytes, and this function is where it would be taken from the document.
    ///
    /// Hashed where they lie in the matching copy, not copied out: a line with its line break right
    /// after it continues the run of the line before when that run ended just there, so a run of
    /// untrimmed body lines is one update, and a line the trim or the end of the text separated
    /// from its break gets the break as an update of its own.
    static func textHash(of document: ClassifiedDocument) -> String {
        let bytes = document.normalized.utf8
        var sha = SHA256()
        var run = 0..<0
        for line in document.lines where line.part == .body {
            let r = line.range
            guard r.upperBound < bytes.count, bytes[r.upperBound] == 0x0A else {
                sha.update(data: bytes[run])
                sha.update(data: bytes[r])
                sha.update(data: Self.lineBreak)
                run = 0..<0
                continue
            }
            if run.isEmpty || run.upperBound != r.lowerBound {
                sha.update(data: bytes[run])
                run = r.lowerBound..<r.lowerBound
            }
            run = run.lowerBound..<(r.upperBound + 1)
        }
        sha.update(data: bytes[run])
        return Hex.encode(sha.finalize())
    }

    private static let lineBreak: [UInt8] = [0x0A]

    /// Adds what another window of the same large file holds (``TextWindows``): what it cites,
    /// the persons and operational detail it names; the text hash chains the windows'.
    mutating func absorb(_ window: DocumentProfile) {
        citedNumbers.formUnion(window.citedNumbers.subtracting(documentNumber.map { [$0] } ?? []))
        citedTitles.formUnion(window.citedTitles)
        persons += window.persons
        operations.categories.formUnion(window.operations.categories)
        operations.days.formUnion(window.operations.days)
        operations.places.formUnion(window.operations.places)
        if let own = textHash, let other = window.textHash {
            textHash = Hex.encode(SHA256.hash(data: Data((own + other).utf8)))
        } else {
            textHash = nil
        }
        linksInterpretation = linksInterpretation || window.linksInterpretation
    }

    /// True when this document cites `other` by 文号 or by title.
    func cites(_ other: DocumentProfile) -> Bool {
        if let n = other.documentNumber, citedNumbers.contains(n) { return true }
        if let t = other.titleBytes, citedTitles.contains(t) { return true }
        return false
    }

    /// The texts between 《 and 》 (at most 120 bytes apart), compared like titles. Each 《 is found
    /// with `memchr`/`memcmp` (a byte loop over the whole text was two percent of a review).
    static func bookTitles(in bytes: [UInt8]) -> [TitleBytes] {
        var result: [TitleBytes] = []
        let n = bytes.count
        var i = 0
        // 《 is E3 80 8A, 》 is E3 80 8B.
        while let open = LiteralSearch.firstIndex(of: Self.openTitle, in: bytes, from: i) {
            let start = open + 3
            var j = start
            while j + 2 < n, j - start <= 120, !(bytes[j] == 0xE3 && bytes[j + 1] == 0x80 && (bytes[j + 2] == 0x8B || bytes[j + 2] == 0x8A)) {
                j += 1
            }
            if j + 2 < n, bytes[j + 2] == 0x8B, j - start <= 120 {
                result.append(TitleBytes(utf8: TitleKey.bytes(of: bytes[start..<j])))
                i = j + 3
            } else {
                i = j
            }
        }
        return result
    }

    private static let openTitle: [UInt8] = [0xE3, 0x80, 0x8A]
}
