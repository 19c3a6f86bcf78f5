/// Masks what the manifest's elements and metadata could repeat, unless the user asked for
/// `--show-matches`: long digit runs (a 附注 contact line must not repeat the mobile number the scan
/// flags; a planted 文号 must not carry one either), 密级 words, and the 份号 and 密级 elements
/// themselves, masked as their findings are. Public identifiers (索引号, 文号, 统一登记号) keep
/// their short digit runs.
struct ElementMasking: Sendable {
    let showMatches: Bool
    /// The names the document's case findings flag, masked in every text below too.
    var names = NameMasking.none

    func elements(_ e: DocumentElements) -> DocumentElements {
        guard !showMatches else { return e }
        var m = e
        let keyPaths: [WritableKeyPath<DocumentElements, ElementText?>] = [
            \.copyNumber, \.secrecy, \.urgency, \.issuerMark, \.signer, \.title, \.recipients, \.attachmentNote,
            \.issuerSignature, \.writtenDate, \.copiesTo, \.printing,
        ]
        for path in keyPaths { m[keyPath: path] = m[keyPath: path].map(mask) }
        m.copyNumber = e.copyNumber.map { ElementText(text: Masker.mask($0.text), line: $0.line) }
        m.secrecy = e.secrecy.map { ElementText(text: Masker.mask($0.text), line: $0.line) }
        m.annotations = m.annotations.map(mask)
        m.attachments = m.attachments.map(mask)
        return m
    }

    /// The document's title as the manifest and the HTML report show it: a title can carry the
    /// number a notice is about (…王某（139-4146-0527）的通报), or a secret mark when the first line
    /// of a text was taken for it.
    func title(_ t: String?) -> String? {
        showMatches ? t : t.map { names.mask(Self.maskText($0)) }
    }

    /// The canonical 文号: a real one has no run of seven digits, a planted one is masked.
    func documentNumber(_ n: String?) -> String? {
        showMatches ? n : n.map { names.mask(Self.maskDigitRuns($0)) }
    }

    /// A title, 文号 or other short text as reports show it: digit runs and 密级 words masked.
    static func maskText(_ s: String) -> String {
        Masker.maskSecrecyLevels(maskDigitRuns(s))
    }

    func metadata(_ p: PageMetadata) -> PageMetadata {
        guard !showMatches else { return p }
        var m = p
        m.title = m.title.map { names.mask(Self.maskText($0)) }
        m.publisher = m.publisher.map { names.mask(Self.maskDigitRuns($0)) }
        m.interprets = m.interprets.map { names.mask(Self.maskText($0)) }
        m.documentNumber = m.documentNumber.map { names.mask(Self.maskDigitRuns($0)) }
        return m
    }

    private func mask(_ t: ElementText) -> ElementText {
        ElementText(text: names.mask(Self.maskText(t.text)), line: t.line)
    }

    /// At least as many numerals as the longest run `maskDigitRuns` would find holds, counted by
    /// scalar: most texts (every path of a batch, most titles) hold no run long enough to mask and
    /// are given back without the walk by `Character` (tens of thousands of instructions a path).
    /// A character is a number by its first scalar, and a run continues through every non-ASCII
    /// scalar here (a mark extending a digit, or a character that would end the run), so no run is
    /// counted short.
    private static func longestRun(in s: String) -> Int {
        var longest = 0
        var run = 0
        var inRun = false
        for v in s.unicodeScalars {
            if v.isASCII {
                if (0x30...0x39).contains(v.value) {
                    run += 1
                    inRun = true
                } else if !(inRun && (v == "-" || v == " " || v == "X" || v == "x")) {
                    run = 0
                    inRun = false
                }
            } else if v.properties.numericType != nil {
                run += 1
                inRun = true
            }
            longest = max(longest, run)
        }
        return longest
    }

    /// Every run of `minimumDigits` or more digits (dashes and spaces inside allowed), or of
    /// `letterPrefixedDigits` right after an ASCII letter (a passport number), through
    /// ``Masker/mask(_:)``.
    static func maskDigitRuns(_ s: String, minimumDigits: Int = 7, letterPrefixedDigits: Int? = nil) -> String {
        guard Self.longestRun(in: s) >= min(minimumDigits, letterPrefixedDigits ?? minimumDigits) else { return s }
        var out = ""
        var run = ""
        var afterLetter = false
        func flush() {
            let digits = run.filter(\.isNumber).count
            let masked = digits >= minimumDigits || (afterLetter && letterPrefixedDigits.map { digits >= $0 } == true)
            out += masked ? Masker.mask(run) : run
            run = ""
        }
        for ch in s {
            if ch.isNumber || ((ch == "-" || ch == " ") && !run.isEmpty) || (ch == "X" || ch == "x") && !run.isEmpty {
                if run.isEmpty { afterLetter = out.last.map { $0.isASCII && $0.isLetter } ?? false }
                run.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }
}
