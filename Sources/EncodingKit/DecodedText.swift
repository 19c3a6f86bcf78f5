/// Text decoded from a file's bytes, with the byte offset of every scalar in the original file.
///
/// `byteOffsets[i]` is where scalar `i` starts in the original bytes; `byteOffsets[scalars.count]`
/// is the end of the decoded region. A byte-order mark is not part of `scalars`.
public struct DecodedText: Sendable, Equatable {
    public let scalars: [Unicode.Scalar]
    /// 32 bits each: half the memory of `Int`, which mattered for multi-megabyte files.
    public let byteOffsets: [UInt32]
    public let encoding: TextEncoding
    /// The scalars as UTF-8 when the file's bytes are exactly that (UTF-8 without a byte-order
    /// mark), shared with the file's own array: parsers that want UTF-8 need not encode it again.
    public let utf8: [UInt8]?
    /// Where the first scalar stands in the file (1-based line and column): 1, 1 for a whole file;
    /// later for one window of a large file (``TextDecoder/decode(_:window:as:firstLine:firstColumn:)``).
    public let firstLine: Int
    public let firstColumn: Int
    /// Where each line starts, in scalars (``lineStarts(of:)``): found once, by the decoder as it
    /// goes, for the aligner and for every finding's line number.
    public let lineStarts: [Int]

    /// `lineStarts` are computed from `scalars` when not given.
    public init(
        scalars: [Unicode.Scalar], byteOffsets: [UInt32], encoding: TextEncoding, utf8: [UInt8]? = nil, firstLine: Int = 1,
        firstColumn: Int = 1, lineStarts: [Int]? = nil
    ) {
        precondition(byteOffsets.count == scalars.count + 1, "one offset per scalar plus the end")
        self.scalars = scalars
        self.byteOffsets = byteOffsets
        self.encoding = encoding
        self.utf8 = utf8
        self.firstLine = firstLine
        self.firstColumn = firstColumn
        self.lineStarts = lineStarts ?? Self.lineStarts(of: scalars)
    }

    /// Where each line of `scalars` starts: at 0, after a line feed, and after a carriage return
    /// that no line feed follows (a file saved with classic Mac line ends).
    public static func lineStarts(of scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        let span = scalars.span
        for i in 0..<span.count {
            let s = span[i]
            if s == "\n" || (s == "\r" && (i + 1 == span.count || span[i + 1] != "\n")) { starts.append(i + 1) }
        }
        return starts
    }

    /// True for a window that starts after the beginning of its file.
    public var isContinuation: Bool { firstLine > 1 || firstColumn > 1 }

    /// The decoded text as a Swift string.
    public var string: String {
        UTF8Bytes.string(scalars)
    }
}
