/// Segments a document's lines into GB/T 9704 elements (docs/domain.md §3).
///
/// Works on the normalized copy (full-width colons and brackets are ASCII there, spaces between Han
/// characters are gone, so `签 发 人` reads `签发人`). It reads the 版头 from the first lines, finds
/// the title (the page's declared title when there is one, else the first line after the 版头),
/// then works back from the end: 版记, 附注, 成文日期 and 署名. Lines outside the body part (front
/// matter, comments, hidden blocks) are not elements.
struct ElementExtractor: Sendable {

    /// The elements of lines already reduced to the document's own text (``content(_:chrome:)``).
    func extract(content lines: [DocumentLine], declaredTitle: String?) -> DocumentElements {
        var e = DocumentElements()
        guard !lines.isEmpty else { return e }
        let (headEnd, titleAboveNumber) = Self.head(lines, into: &e)
        var bodyStart = headEnd + 1
        if let ti = Self.titleIndex(lines, declaredTitle: declaredTitle, headEnd: headEnd, titleAboveNumber: titleAboveNumber) {
            bodyStart = Self.title(lines, at: ti, headEnd: headEnd, titleAboveNumber: titleAboveNumber, into: &e)
        }
        let bodyEnd = Self.closing(lines, bodyStart: bodyStart, into: &e)
        if bodyStart <= bodyEnd {
            e.body = .init(firstLine: lines[bodyStart].line, lastLine: lines[bodyEnd].line)
        }
        return e
    }

    /// 版头: the first lines, up to and including the 发文字号. Returns the last head line (-1 for
    /// none) and, for a 文书 (通缉令, 答复书, 决定书) that puts its title above the 文号, that line:
    /// the first line no head element claims, when it ends in a 文种.
    static func head(_ lines: [DocumentLine], into e: inout DocumentElements) -> (headEnd: Int, titleAboveNumber: Int?) {
        var headEnd = -1
        var unclaimed: Int?
        var titleAboveNumber: Int?
        for (i, l) in lines.prefix(8).enumerated() {
            let t = l.text
            if i < 2, e.copyNumber == nil, t.wholeMatch(\.elementCopyNumber) {
                e.copyNumber = ElementText(l)
                headEnd = i
            } else if e.secrecy == nil, t.wholeMatch(\.elementSecrecy) {
                e.secrecy = ElementText(l)
                headEnd = i
            } else if e.urgency == nil, t.wholeMatch(\.elementUrgency) {
                e.urgency = ElementText(l)
                headEnd = i
            } else if e.issuerMark == nil, t.hasCount(atMost: 30), t.wholeMatch(\.elementIssuerMark) {
                e.issuerMark = ElementText(l)
                headEnd = i
            } else if e.documentNumber == nil, let number = DocumentNumber.first(in: t), t.hasCount(atMost: number.written.count + 16),
                !t.hasPrefix("(")
            {
                e.documentNumber = ElementText(text: number.written, line: l.line)
                if let signer = signer(in: t) { e.signer = ElementText(text: signer, line: l.line) }
                headEnd = i
                if let u = unclaimed, genreEnding(lines[u].text) != nil { titleAboveNumber = u }
                break
            } else if e.signer == nil, let signer = signer(in: t) {
                e.signer = ElementText(text: signer, line: l.line)
                headEnd = i
            } else if unclaimed == nil {
                unclaimed = i
            }
        }
        return (headEnd, titleAboveNumber)
    }

    /// 标题: the declared title's line, else the first line after the 版头 that can be a title.
    static func titleIndex(_ lines: [DocumentLine], declaredTitle: String?, headEnd: Int, titleAboveNumber: Int?) -> Int? {
        var titleIndex: Int?
        if let declared = declaredTitle.map(TitleKey.of), !declared.isEmpty {
            let keys = lines.prefix(openingLines).map { TitleKey.of($0.text) }
            // Else the line that holds most of it (the declared title often adds the site's name):
            // the issuing agency's name that opens the title (发布机构's value in a metadata table
            // above the heading) is a shorter prefix than the heading.
            titleIndex =
                keys.firstIndex(of: declared)
                ?? keys.indices.filter { lines[$0].text.hasCount(atLeast: 6) && declared.hasPrefix(keys[$0]) }
                .max { keys[$0].count < keys[$1].count }
        }
        // Without a declared title, the first line after the 版头 that can be a title: an archived
        // page may open with its fields (当事人名称：…) before the first sentence, and then it has
        // none. A declared title missing from the body stays missing.
        if titleIndex == nil, declaredTitle == nil, let above = titleAboveNumber {
            titleIndex = above
        } else if titleIndex == nil, declaredTitle == nil {
            var i = headEnd + 1
            while i < min(lines.count, headEnd + 1 + titleSearchLines), isLabelledField(lines[i].text) { i += 1 }
            if i < lines.count, i <= headEnd + titleSearchLines, canBeTitle(lines[i].text) { titleIndex = i }
        }
        return titleIndex
    }

    /// The title at `ti` (joined with its second line when typeset over two), a 文号 right below it
    /// and the 主送机关; returns where the body starts.
    static func title(
        _ lines: [DocumentLine], at ti: Int, headEnd: Int, titleAboveNumber: Int?, into e: inout DocumentElements
    ) -> Int {
        var title = stripHeading(lines[ti].text)
        var last = ti
        // A title typeset over two lines: join the next line when the first has no 文种 ending.
        if genreEnding(title) == nil, ti + 1 < lines.count, genreEnding(lines[ti + 1].text) != nil,
            lines[ti + 1].text.hasCount(atMost: 40), !lines[ti + 1].text.hasSuffix(":")
        {
            title += lines[ti + 1].text
            last = ti + 1
        }
        e.title = ElementText(text: title, line: lines[ti].line)
        // A title above the 文号: the body starts after the 文号.
        var bodyStart = ti == titleAboveNumber ? max(last + 1, headEnd + 1) : last + 1
        if e.documentNumber == nil, last + 1 < lines.count, let number = DocumentNumber.first(in: lines[last + 1].text),
            lines[last + 1].text.hasCount(atMost: number.written.count + 4)
        {
            e.documentNumber = ElementText(text: number.written, line: lines[last + 1].line)
            bodyStart = last + 2
        }
        // 主送机关: a short line ending in a colon right after the title; a sentence that opens
        // the body (根据《…》…公告如下：) ends in one too.
        for j in bodyStart..<min(bodyStart + 2, lines.count) {
            let t = lines[j].text
            if t.hasSuffix(":"), t.hasCount(atLeast: 3), t.hasCount(atMost: 60), !t.includes("号"), !t.includes("《"),
                !isFieldLine(t), t.firstMatch(\.elementSentenceOpening) == nil
            {
                e.recipients = ElementText(text: String(t.dropLast()), line: lines[j].line)
                bodyStart = j + 1
                break
            }
        }
        return bodyStart
    }

    /// 版记 and the closing elements, from the end (only within the last lines: long bodies are not
    /// searched for them): 抄送 and 印发, the 成文日期 with the 署名 above it and the 附注 and 附件
    /// below it, and the 附件说明 between the 正文 and the 署名. Returns where the body ends.
    static func closing(_ lines: [DocumentLine], bodyStart: Int, into e: inout DocumentElements) -> Int {
        let closingStart = max(bodyStart, lines.count - closingLines, 0)
        var tailStart = lines.count
        for i in stride(from: lines.count - 1, through: closingStart, by: -1) {
            guard lines[i].utf8.includes(Self.copiesToWord) || lines[i].utf8.hasSuffix(Self.printedWord) else { continue }
            let t = lines[i].text
            if e.copiesTo == nil, let m = t.firstMatch(\.elementCopiesTo) {
                e.copiesTo = ElementText(text: m, line: lines[i].line)
                tailStart = min(tailStart, i)
            } else if e.printing == nil, t.wholeMatch(\.elementPrinting) {
                e.printing = ElementText(lines[i])
                tailStart = min(tailStart, i)
            }
        }
        var dateIndex: Int?
        for i in stride(from: tailStart - 1, through: closingStart, by: -1) where isDateLine(lines[i].utf8) {
            dateIndex = i
            break
        }
        var bodyEnd = tailStart - 1
        if let di = dateIndex {
            e.writtenDate = ElementText(lines[di])
            bodyEnd = di - 1
            if di - 1 >= bodyStart, isSignature(lines[di - 1].text) {
                e.issuerSignature = ElementText(lines[di - 1])
                bodyEnd = di - 2
            }
            for i in (di + 1)..<tailStart {
                let t = lines[i].text
                if t.wholeMatch(\.elementAnnotation) {
                    e.annotations.append(ElementText(lines[i]))
                } else if t.wholeMatch(\.elementAttachmentHeading) {
                    e.attachments.append(ElementText(lines[i]))
                }
            }
        }
        if bodyStart <= bodyEnd {
            for i in stride(from: bodyEnd, through: max(bodyStart, closingStart), by: -1)
            where lines[i].utf8.starts(with: Self.attachmentWord) && lines[i].text.wholeMatch(\.elementAttachmentNote) {
                e.attachmentNote = ElementText(lines[i])
                bodyEnd = i - 1
                break
            }
        }
        return bodyEnd
    }

    private static let copiesToWord = Array("抄送".utf8)
    /// How a 附件说明 starts (``LinePatterns/elementAttachmentNote``).
    private static let attachmentWord = Array("附件".utf8)
    private static let printedWord: LineLiteral = "印发"

    /// How far into the document the title is looked for.
    static let openingLines = 60
    /// How many field lines may stand between the 版头 and an undeclared title.
    static let titleSearchLines = 6
    /// How many lines at each end of the body are checked for page chrome.
    static let chromeLines = 30

    /// The body lines that are the document's own text: no separator rules, and none of the page
    /// chrome a portal's template adds above and below the article (``PageChrome``), judged in
    /// `chrome`, which keeps each line's kind for the other readers of the same lines.
    static func content(_ all: [DocumentLine], chrome: inout ChromeJudgments) -> [DocumentLine] {
        let body = all.filter { $0.part == .body && !isRule($0.utf8) }
        // One pass, without an array of (offset, line) pairs: each copy of a line retains the text.
        var content: [DocumentLine] = []
        content.reserveCapacity(body.count)
        for (i, line) in body.enumerated() where !(i < chromeLines || i >= body.count - chromeLines) || chrome.kind(of: line) == nil {
            content.append(line)
        }
        return content
    }

    /// A line that is a label and its value (`当事人名称：…`, `统一社会信用代码：…`): a field, not a title.
    static func isLabelledField(_ t: String) -> Bool {
        t.firstMatch(\.elementLabelledField) != nil
    }

    /// Whether a line may be a title: not a field or a bare number or date, not a sentence.
    static func canBeTitle(_ t: String) -> Bool {
        guard !t.hasSuffix(":"), !t.hasPrefix("|"), t.hasCount(atMost: 60), !isLabelledField(t) else { return false }
        guard !t.hasSuffix("。"), !isDateLine(t) else { return false }
        // At least a few words: a line of digits, brackets and 第…号 is a number, not a title.
        return t.unicodeScalars.filter { $0.properties.isIdeographic }.count >= 4
            && !t.wholeMatch(\.elementBareNumber)
    }
    /// How far from the end the 署名, 成文日期, 附注 and 版记 are looked for.
    static let closingLines = 40

    /// A line of box-drawing or dash characters (the red separator, the 版记 rules).
    static func isRule(_ utf8: ArraySlice<UInt8>) -> Bool {
        // Only these bytes start a rule's first character: - = _, and E2 (box drawing, —).
        guard let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "=") || first == UInt8(ascii: "_") || first == 0xE2
        else { return false }
        return String(decoding: utf8, as: UTF8.self).unicodeScalars.allSatisfy {
            (0x2500...0x257F).contains($0.value) || "-=_—".unicodeScalars.contains($0)
        }
    }

    static func signer(in t: String) -> String? {
        t.firstMatch(\.elementSigner)
    }

    static func isDateLine(_ t: String) -> Bool {
        t.utf8.reversed().starts(with: Self.dayEnding) && (t.wholeMatch(\.elementDate) || t.wholeMatch(\.elementChineseDate))
    }

    static func isDateLine(_ utf8: ArraySlice<UInt8>) -> Bool {
        utf8.reversed().starts(with: Self.dayEnding) && isDateLine(String(decoding: utf8, as: UTF8.self))
    }

    /// 日 (E6 97 A5) backwards: both forms of a date line end with it, and most lines do not.
    private static let dayEnding: [UInt8] = [0xA5, 0x97, 0xE6]

    static func isSignature(_ t: String) -> Bool {
        t.hasCount(atLeast: 2) && t.hasCount(atMost: 40) && t.wholeMatch(\.elementSignature) && !t.hasSuffix("。")
    }

    static func isFieldLine(_ t: String) -> Bool {
        guard let colon = t.firstIndex(of: ":") else { return false }
        return MetadataReader.keys.contains(String(t[..<colon]))
    }

    /// The 文种 a title ends with (决定, 通知, 规定 …), if any.
    static func genreEnding(_ t: String) -> String? {
        t.firstMatch(\.elementGenreEnding)
    }

    static func stripHeading(_ t: String) -> String {
        String(t.drop { $0 == "#" || $0 == " " })
    }
}
