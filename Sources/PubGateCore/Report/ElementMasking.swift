/// Masks what the manifest's elements and metadata could repeat, unless the user asked for
/// `--show-matches`: long digit runs (a 附注 contact line must not repeat the mobile number the scan
/// flags) and the 份号 and 密级 themselves, masked as their findings are. Public identifiers
/// (索引号, 文号, 统一登记号) are left as they are.
struct ElementMasking: Sendable {
    let showMatches: Bool

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
    /// number a notice is about (…王某（139-4146-0527）的通报).
    func title(_ t: String?) -> String? {
        showMatches ? t : t.map(Self.maskDigitRuns)
    }

    func metadata(_ p: PageMetadata) -> PageMetadata {
        guard !showMatches else { return p }
        var m = p
        m.title = m.title.map(Self.maskDigitRuns)
        m.publisher = m.publisher.map(Self.maskDigitRuns)
        m.interprets = m.interprets.map(Self.maskDigitRuns)
        return m
    }

    private func mask(_ t: ElementText) -> ElementText {
        ElementText(text: Self.maskDigitRuns(t.text), line: t.line)
    }

    /// Every run of 7 or more digits (dashes and spaces inside allowed) through ``Masker/mask(_:)``.
    static func maskDigitRuns(_ s: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            let digits = run.filter(\.isNumber).count
            out += digits >= 7 ? Masker.mask(run) : run
            run = ""
        }
        for ch in s {
            if ch.isNumber || ((ch == "-" || ch == " ") && !run.isEmpty) || (ch == "X" || ch == "x") && !run.isEmpty {
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
