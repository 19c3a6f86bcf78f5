internal import CICU

/// Where words begin and end in Chinese text, by ICU's dictionary-based word segmentation.
///
/// Chinese is written without spaces, so a lexicon term can sit across two words: 布警 inside
/// 发布|警情. A reader sees the words; ICU's segmenter (a CJK dictionary with costs, the same one
/// browsers use to select a word) gives pubgate the same boundaries, so a rule can require that
/// its match starts and ends where words do.
///
/// Thread safety: each call opens its own break iterator (ICU's iterators are not shared across
/// threads; its dictionary data is loaded once per process and is read-only).
public enum WordBreaks {
    /// The boundaries of `text`, as offsets in Unicode scalars (0 and the scalar count included);
    /// nil when ICU cannot segment it.
    public static func boundaries(of text: [Unicode.Scalar]) -> Set<Int>? {
        var utf16: [UInt16] = []
        utf16.reserveCapacity(text.count + 8)
        // scalarAt[u] is the scalar index that UTF-16 offset u starts (offsets inside a surrogate
        // pair never come back from ICU).
        var scalarAt: [Int] = []
        scalarAt.reserveCapacity(text.count + 8)
        for (i, scalar) in text.enumerated() {
            for unit in String(scalar).utf16 {
                utf16.append(unit)
                scalarAt.append(i)
            }
        }
        scalarAt.append(text.count)
        guard utf16.count < Int(Int32.max) else { return nil }
        var capacity = utf16.count + 1
        while true {
            var out = [Int32](repeating: 0, count: capacity)
            let count = unsafe utf16.withUnsafeBufferPointer { units in
                unsafe out.withUnsafeMutableBufferPointer { buffer in
                    unsafe pubgate_word_boundaries(units.baseAddress, Int32(units.count), buffer.baseAddress, Int32(buffer.count))
                }
            }
            guard count >= 0 else { return nil }
            if Int(count) <= capacity {
                return Set(out.prefix(Int(count)).compactMap { u in Int(u) < scalarAt.count ? scalarAt[Int(u)] : nil })
            }
            capacity = Int(count)
        }
    }
}
