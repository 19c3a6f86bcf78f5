import Foundation

/// PDF through poppler: the document info (`pdfinfo`), the text of every page in layout order
/// (`pdftotext -layout -enc UTF-8`), the images on each page (`pdfimages -list`) and the attached
/// files (`pdfdetach -list`).
///
/// A page with images and no text layer is a scan: pubgate cannot read it, so the document is a
/// `review` finding ("needs OCR or a human", I-03), never an approval. A PDF poppler cannot open
/// (damaged, or encrypted with an open password) is unscannable; one it opens only by skipping
/// or guessing at damaged parts (errors or warnings on its standard error) is `pdf_damaged`
/// (scan_incomplete, review): a flipped bit that turns `Tj` into `Tk` drops a whole line.
struct PDFExtractor {
    let timeout: Double

    func extract(_ bytes: [UInt8], into extraction: inout ContainerExtraction) throws(ContainerError) {
        let info = try Poppler.run("pdfinfo", ["-enc", "UTF-8", "fd://0"], input: bytes, timeout: timeout)
        guard info.status == 0 else { throw .pdf(Self.firstError(info.stderr)) }
        var pageCount = 0
        for line in String(decoding: info.stdout, as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "Pages" { pageCount = Int(value) ?? 0 }
            if let personal = Self.infoFields[key] { extraction.property(key, value, file: "document info", personal: personal) }
        }
        let text = try Poppler.run("pdftotext", ["-layout", "-enc", "UTF-8", "fd://0", "-"], input: bytes, timeout: timeout)
        guard text.status == 0 else { throw .pdf(Self.firstError(text.stderr)) }
        let pages = String(decoding: text.stdout, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false)
        var textless: [Int] = []
        for n in 1...max(pageCount, 1) {
            let page = n <= pages.count ? pages[n - 1] : ""
            var hasText = false
            for (i, line) in page.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard line.contains(where: { !$0.isWhitespace }) else { continue }
                hasText = true
                extraction.text.append(String(line), part: .body, place: "page \(n) line \(i + 1)")
            }
            if !hasText { textless.append(n) }
        }
        let (imagesPerPage, imageProblems) = try images(bytes)
        let problems = Self.unique(info.problems + text.problems + imageProblems)
        if !problems.isEmpty {
            extraction.findings.append(
                Finding(
                    ruleID: "pdf_damaged", kind: .scanIncomplete, severity: .review,
                    text: Message("pdf_damaged", ["count": String(problems.count), "first": ElementMasking.maskDigitRuns(problems[0])])))
        }
        for (page, count) in imagesPerPage.sorted(by: { $0.key < $1.key }) where !textless.contains(page) {
            extraction.images.append("page \(page): \(count) image(s)")
        }
        let scanned = textless.filter { imagesPerPage[$0] != nil }
        let allEmpty = pageCount > 0 && textless.count == pageCount
        if !scanned.isEmpty || allEmpty {
            let listed = (scanned.isEmpty ? textless : scanned).map(String.init).joined(separator: ", ")
            extraction.findings.append(
                Finding(
                    ruleID: "pdf_needs_ocr", kind: .needsOCR, severity: .review,
                    text: Message("pdf_needs_ocr", ["pages": listed])))
        }
        for name in try attachments(bytes) { extraction.embedded.append((name, nil)) }
    }

    /// Document info fields read, and whether each names a person.
    static let infoFields: [String: Bool] = [
        "Title": false, "Subject": false, "Keywords": false, "Author": true, "Creator": false, "Producer": false,
    ]

    /// Images per page (`pdfimages -list`; masks and soft masks are not images of their own), and
    /// the problems poppler reported on the way.
    private func images(_ bytes: [UInt8]) throws(ContainerError) -> ([Int: Int], [String]) {
        let list = try Poppler.run("pdfimages", ["-list", "fd://0"], input: bytes, timeout: timeout)
        guard list.status == 0 else { throw .pdf(Self.firstError(list.stderr)) }
        var counts: [Int: Int] = [:]
        for line in String(decoding: list.stdout, as: UTF8.self).split(separator: "\n").dropFirst(2) {
            let fields = line.split(separator: " ")
            guard fields.count > 2, let page = Int(fields[0]), fields[2] == "image" else { continue }
            counts[page, default: 0] += 1
        }
        return (counts, list.problems)
    }

    /// Each problem once, in the order first reported (the three tools parse the same file).
    private static func unique(_ lines: [String]) -> [String] {
        var seen = Set<String>()
        return lines.filter { seen.insert($0).inserted }
    }

    /// Names of embedded files (`pdfdetach -list`: a count line, then `N: name`).
    private func attachments(_ bytes: [UInt8]) throws(ContainerError) -> [String] {
        let list = try Poppler.run("pdfdetach", ["-enc", "UTF-8", "-list", "fd://0"], input: bytes, timeout: timeout)
        guard list.status == 0 else { return [] }
        return String(decoding: list.stdout, as: UTF8.self).split(separator: "\n").dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return "attachment " + line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    private static func firstError(_ stderr: String) -> String {
        stderr.split(separator: "\n").first { $0.contains("Error") }.map(String.init) ?? "poppler exited with an error"
    }
}
