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

    public init(
        scalars: [Unicode.Scalar], byteOffsets: [UInt32], encoding: TextEncoding, utf8: [UInt8]? = nil, firstLine: Int = 1,
        firstColumn: Int = 1
    ) {
        precondition(byteOffsets.count == scalars.count + 1, "one offset per scalar plus the end")
        self.scalars = scalars
        self.byteOffsets = byteOffsets
        self.encoding = encoding
        self.utf8 = utf8
        self.firstLine = firstLine
        self.firstColumn = firstColumn
    }

    /// True for a window that starts after the beginning of its file.
    public var isContinuation: Bool { firstLine > 1 || firstColumn > 1 }

    /// The decoded text as a Swift string.
    public var string: String {
        UTF8Bytes.string(scalars)
    }
}
