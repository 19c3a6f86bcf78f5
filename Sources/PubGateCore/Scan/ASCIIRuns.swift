import BytesKit

/// A text's maximal runs of ASCII bytes that are at least some length, copied into one buffer, one
/// run per line, with the way back to the text.
///
/// Rules whose every match is ASCII (identity, phone and card numbers, keys, addresses on the
/// network) can only match inside such a run, and in Chinese text the runs long enough to hold a
/// match are about a tenth of the bytes: Vectorscan scans them for those rules instead of the whole
/// text (``Prefilter``). The line break between runs only adds hits, never hides one: a run starts
/// and ends next to a non-ASCII character, which `^`, `$`, `\b` and ASCII classes treat as they
/// treat a line break, or at the text's own ends.
struct ASCIIRuns {
    /// The runs, each followed by a line break.
    private(set) var bytes: [UInt8] = []
    /// Where each run starts in `bytes` and in the text, in order.
    private(set) var starts: [(buffer: Int, text: Int)] = []

    init(of text: [UInt8], minLength: Int) {
        ASCIIRunFinder.forEach(in: text, minLength: minLength) { run in
            starts.append((bytes.count, run.lowerBound))
            bytes.append(contentsOf: text[run])
            bytes.append(0x0A)
        }
    }

    /// The text offset of a match that ends at buffer offset `end` (exclusive, after at least one byte).
    func textOffset(ofEnd end: Int) -> Int {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid].buffer <= end - 1 { lo = mid } else { hi = mid - 1 }
        }
        return starts[lo].text + (end - starts[lo].buffer)
    }

    /// True when every match of `expression` (Vectorscan syntax, UTF-8 mode, without the UCP flag)
    /// is ASCII. Conservative: anything it does not recognise — a non-ASCII character or escape,
    /// `.`, a negated class, a Unicode property, a back-reference — answers false. Case-insensitive
    /// letters count as ASCII: the only other characters folding to them (K and ſ) are gone after
    /// NFKC, and the prefilter runs on normalized text.
    static func matchesOnlyASCII(_ expression: String) -> Bool {
        let s = Array(expression.unicodeScalars)
        var i = 0
        var inClass = false
        while i < s.count {
            let c = s[i]
            guard c.isASCII else { return false }
            switch c {
            case "\\":
                guard i + 1 < s.count else { return false }
                let e = s[i + 1]
                if e == "x" {
                    // \xHH or \x{H…}
                    var j = i + 2
                    var hex = ""
                    if j < s.count, s[j] == "{" {
                        j += 1
                        while j < s.count, s[j] != "}" {
                            hex.unicodeScalars.append(s[j])
                            j += 1
                        }
                        j += 1
                    } else {
                        while j < s.count, j < i + 4, s[j].properties.isASCIIHexDigit {
                            hex.unicodeScalars.append(s[j])
                            j += 1
                        }
                    }
                    guard let value = UInt32(hex, radix: 16), value < 0x80 else { return false }
                    i = j
                    continue
                }
                guard e.isASCII, !(e.properties.isAlphabetic || e.properties.numericType != nil) || "dswbBtnrfea".unicodeScalars.contains(e) else {
                    return false
                }
                i += 2
                continue
            case "[" where !inClass:
                inClass = true
                if i + 1 < s.count, s[i + 1] == "^" { return false }
                // A `]` right after the opening bracket is a literal.
                if i + 1 < s.count, s[i + 1] == "]" { i += 1 }
            case "]" where inClass:
                inClass = false
            case "." where !inClass:
                return false
            case "(" where !inClass:
                // Groups and `(?i)`-style flags are fine; a `(*UCP)`-style verb is not.
                if i + 1 < s.count, s[i + 1] == "*" { return false }
            default:
                break
            }
            i += 1
        }
        return !inClass
    }
}
