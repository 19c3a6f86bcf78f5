import BytesKit
import PCRE2Kit

/// One line of a document's matching copy, trimmed, with the original line it came from.
///
/// Element segmentation and the publication checks work line by line, as GB/T 9704 lays a 公文
/// out; each line keeps its normalized byte range so a finding can point into the original file.
/// A line is a byte range of the matching copy, not a `String` of its own: most lines are only
/// tested with byte searches, and a `String` per line was most of the cost of splitting them.
struct DocumentLine: Sendable {
    /// The matching copy the line lies in (shared by every line, not copied).
    private let source: [UInt8]
    /// Normalized bytes of `text`.
    let range: Range<Int>
    /// 1-based line in the original file.
    let line: Int
    let part: ContentPart

    /// Normalized text without leading and trailing spaces, as UTF-8.
    var utf8: ArraySlice<UInt8> { source[range] }

    /// Normalized text without leading and trailing spaces (made on each use: prefer `utf8` where
    /// bytes do).
    var text: String { String(decoding: source[range], as: UTF8.self) }

    private static let lineBreak: [UInt8] = [0x0A]

    /// Splits `text` into non-empty lines.
    static func lines(of text: NormalizedText, index: LineIndex?) -> [DocumentLine] {
        var result: [DocumentLine] = []
        let bytes = text.utf8
        var start = 0
        func emit(_ lo: Int, _ hi: Int) {
            var a = lo
            var b = hi
            while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
            while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
            guard a < b else { return }
            let line = index.map { $0.line(of: text.origin(ofByte: a)) } ?? 0
            result.append(DocumentLine(source: bytes, range: a..<b, line: line, part: text.part(at: a)))
        }
        // Line breaks found with memchr: a byte loop over the whole text cost more than the lines.
        while let i = LiteralSearch.firstIndex(of: Self.lineBreak, in: bytes, from: start) {
            emit(start, i)
            start = i + 1
        }
        emit(start, bytes.count)
        return result
    }
}
