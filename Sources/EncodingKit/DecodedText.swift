/// Text decoded from a file's bytes: its UTF-8, and where each of its bytes stands in the file.
///
/// Positions in a document (segment origins, finding ranges) are byte offsets in `utf8`. For UTF-8
/// input `utf8` is the file's own bytes (validated, not copied when the file has no byte-order
/// mark), and decoded byte `b` is file byte `base + b`; text in another encoding is transcoded
/// once, and `originalOffsets` maps each decoded byte back. A byte-order mark is not part of `utf8`.
public struct DecodedText: Sendable, Equatable {
    /// The text as UTF-8 (always valid).
    public let utf8: [UInt8]
    public let encoding: TextEncoding
    /// Where decoded byte 0 stands in the file (3 after a UTF-8 byte-order mark; a window's first
    /// byte), when `originalOffsets` is nil.
    public let base: Int
    /// For transcoded text: `originalOffsets[b]` is where the character holding decoded byte `b`
    /// starts in the file; one more entry for the end. Nil when the file's bytes are `utf8`.
    public let originalOffsets: [UInt32]?
    /// Where the first character stands in the file (1-based line and column): 1, 1 for a whole
    /// file; later for one window of a large file (``TextDecoder/decode(_:window:as:firstLine:firstColumn:)``).
    public let firstLine: Int
    public let firstColumn: Int
    /// Where each line starts, in bytes of `utf8` (``lineStarts(ofUTF8:)``): found once, by the
    /// decoder, for the aligner and for every finding's line number.
    public let lineStarts: [Int]

    /// `lineStarts` are computed from `utf8` when not given.
    public init(
        utf8: [UInt8], encoding: TextEncoding, base: Int = 0, originalOffsets: [UInt32]? = nil, firstLine: Int = 1,
        firstColumn: Int = 1, lineStarts: [Int]? = nil
    ) {
        precondition(originalOffsets.map { $0.count == utf8.count + 1 } ?? true, "one offset per byte plus the end")
        self.utf8 = utf8
        self.encoding = encoding
        self.base = base
        self.originalOffsets = originalOffsets
        self.firstLine = firstLine
        self.firstColumn = firstColumn
        self.lineStarts = lineStarts ?? Self.lineStarts(ofUTF8: utf8)
    }

    /// Where each line of `utf8` starts: at 0, after a line feed, and after a carriage return that
    /// no line feed follows (a file saved with classic Mac line ends).
    public static func lineStarts(ofUTF8 utf8: [UInt8]) -> [Int] {
        var starts = [0]
        UTF8Bytes.forEachLineStart(in: utf8) { starts.append($0) }
        return starts
    }

    /// Where decoded byte `offset` (0...utf8.count) stands in the file.
    @inlinable
    public func originalOffset(ofByte offset: Int) -> Int {
        let clamped = min(max(0, offset), utf8.count)
        if let originalOffsets { return Int(originalOffsets[clamped]) }
        return base + clamped
    }

    /// True for a window that starts after the beginning of its file.
    public var isContinuation: Bool { firstLine > 1 || firstColumn > 1 }

    /// The decoded text as a Swift string.
    public var string: String {
        String(decoding: utf8, as: UTF8.self)
    }

    /// The text's scalars, for the readers that still go by character index (an HTML page's
    /// front matter); decoded on every call.
    public var scalars: [Unicode.Scalar] {
        UTF8Bytes.scalars(ofUTF8: utf8.span)
    }

    /// Where each scalar of ``scalars`` starts in `utf8`, and the end: what turns those
    /// extractors' scalar indices into byte offsets.
    public var scalarOffsets: [Int32] {
        let utf8 = self.utf8
        return unsafe [Int32](unsafeUninitializedCapacity: utf8.count + 1) { offsets, count in
            count = 0
            unsafe utf8.withUnsafeBufferPointer { bytes in
                for i in 0..<bytes.count where unsafe bytes[i] & 0xC0 != 0x80 {
                    unsafe offsets.initializeElement(at: count, to: Int32(i))
                    count += 1
                }
            }
            unsafe offsets.initializeElement(at: count, to: Int32(utf8.count))
            count += 1
        }
    }
}
