import EncodingKit
import OpenCCKit

/// Folds traditional and variant characters to simplified ones for matching (機密 → 机密,
/// 內部資料 → 内部资料, 身份證號碼 → 身份证号码), with OpenCC's `t2s` configuration.
///
/// Rules are written in simplified characters; a page in traditional characters, or one that mixes
/// both, would pass every rule. OpenCC converts phrase by phrase (乾隆 stays, 乾燥 becomes 干燥), so
/// a whole run of Han characters is converted at once. Converting every run would cost more than the
/// rest of normalization: the characters `t2s` changes on their own (``changingCharacters``, 4,105
/// of them, generated from OpenCC's data by `Scripts/make-t2s-table.sh`) are kept as a bitmap, the
/// normalizer checks each character with one load and converts only the runs that hold one. A
/// phrase whose characters are each unchanged alone (瞭解 → 了解) is therefore not folded; the rules
/// use none of them.
struct TraditionalFolding: Sendable {
    /// Loaded once; a failure (OpenCC's data missing) stops a review before it starts.
    static let shared = Result { () throws(OpenCCError) -> TraditionalFolding in
        try TraditionalFolding(converter: ChineseConverter(configuration: "t2s.json"))
    }

    /// The Han blocks OpenCC's dictionaries cover: Extension A, the unified ideographs, the
    /// compatibility ideographs NFKC keeps, and Extensions B–G.
    static let hanRanges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F]

    let converter: ChineseConverter
    /// One bit per Basic Multilingual Plane scalar: set when `t2s` changes it on its own.
    let basic: [UInt64]
    /// The supplementary-plane characters `t2s` changes on their own.
    let supplementary: Set<UInt32>

    init(converter: ChineseConverter) {
        self.converter = converter
        var basic = [UInt64](repeating: 0, count: 0x10000 / 64)
        var supplementary: Set<UInt32> = []
        for s in Self.changingCharacters.unicodeScalars where s != "\n" {
            let v = s.value
            if v < 0x10000 { basic[Int(v >> 6)] |= 1 << (v & 63) } else { supplementary.insert(v) }
        }
        self.basic = basic
        self.supplementary = supplementary
    }

    /// The characters of ``hanRanges`` that `converter` changes when each stands alone, asked of
    /// OpenCC itself (each on a line of its own, in one call): what ``changingCharacters`` must hold.
    static func charactersChanged(by converter: ChineseConverter) throws(OpenCCError) -> [Unicode.Scalar] {
        var lines = String.UnicodeScalarView()
        var candidates: [Unicode.Scalar] = []
        for range in hanRanges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                candidates.append(s)
                lines.append(s)
                lines.append("\n")
            }
        }
        let converted = Array(try converter.convert(String(lines)).unicodeScalars)
        var changed: [Unicode.Scalar] = []
        var start = 0
        for s in candidates {
            guard let end = converted[start...].firstIndex(of: "\n") else { break }
            if !(end == start + 1 && converted[start] == s) { changed.append(s) }
            start = end + 1
        }
        return changed
    }

    /// Whether `t2s` changes scalar `v` when it stands alone.
    @inline(__always)
    func changes(_ v: UInt32) -> Bool {
        v < 0x10000 ? basic[Int(v >> 6)] & (1 << (v & 63)) != 0 : supplementary.contains(v)
    }

    /// `scalars` with every run of Han characters that holds a changing character converted; the
    /// count never changes, so every scalar keeps its place (and its origin). A run OpenCC turns
    /// into a different number of characters is converted character by character instead.
    func fold(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out = scalars
        var i = 0
        while i < scalars.count {
            guard Normalizer.isHan(scalars[i]) else {
                i += 1
                continue
            }
            var end = i
            var changing = false
            while end < scalars.count, Normalizer.isHan(scalars[end]) {
                if changes(scalars[end].value) { changing = true }
                end += 1
            }
            if changing { convert(scalars[i..<end], into: &out, at: i) }
            i = end
        }
        return out
    }

    private func convert(_ run: ArraySlice<Unicode.Scalar>, into out: inout [Unicode.Scalar], at start: Int) {
        if let whole = converted(run), whole.count == run.count {
            out.replaceSubrange(start..<(start + run.count), with: whole)
            return
        }
        for (k, s) in run.enumerated() where changes(s.value) {
            if let single = converted(run[(run.startIndex + k)...(run.startIndex + k)]), single.count == 1 {
                out[start + k] = single[0]
            }
        }
    }

    /// OpenCC's conversion of `run`; nil if OpenCC fails (the run is then matched as written).
    private func converted(_ run: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
        guard let out = try? converter.convert(UTF8Bytes.string(run)) else { return nil }
        return Array(out.unicodeScalars)
    }
}
