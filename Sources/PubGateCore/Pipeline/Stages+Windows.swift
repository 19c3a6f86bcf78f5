import Crypto
import EncodingKit

extension TextWindows.Sizes {
    /// Whether `input` is a text file large enough to be read in windows.
    func apply(to input: RawInput) -> Bool {
        input.bytes.count > threshold && !input.format.isBinary && FileSignature(input.bytes) == .none
    }
}

extension Stages {
    /// The review of a large text file read in ``TextWindows``: the encoding is decided on the
    /// whole file first (as for any file); then each window is decoded, extracted, classified and
    /// scanned in turn, keeping only the findings that start in its core. What a document is — its
    /// type, title, metadata, elements, validity — comes from the first window; 公开属性
    /// declarations (a 附注 is at the end), cited documents, persons and attachments from all of
    /// them. Inline `pubgate:allow` lines count only in the first window (an allow elsewhere is
    /// ignored: stricter, never looser). HTML and XML windows are read with the HTML parser,
    /// which recovers from a window cut inside the markup; Markdown's front matter is in the first.
    func reviewInWindows(_ input: RawInput, shown: String, role: DocumentRole) -> (
        review: DocumentReview, profile: DocumentProfile?, attachments: [String]
    ) {
        let bytes = input.bytes
        let digest = Hex.encode(SHA256.hash(data: bytes))
        let format = input.format
        let declared = (format == .html || format == .xml) ? TextDecoder.declaredCharset(in: bytes) : nil
        func failed(_ error: DecodingError) -> (review: DocumentReview, profile: DocumentProfile?, attachments: [String]) {
            (unscannable(IngestStage.undecodable(input, digest: digest, error: error), shown: shown), nil, [])
        }
        let encoding: TextEncoding
        do {
            encoding = try TextDecoder.encoding(of: bytes, declared: declared)
        } catch {
            return failed(error)
        }
        let start = encoding == .utf8BOM ? 3 : (encoding == .utf16LE || encoding == .utf16BE) ? 2 : 0
        var merged = WindowFindings()
        var head: ClassifiedDocument?
        var profile: DocumentProfile?
        var declarations: [AttributeDeclaration] = []
        var attachments: [String] = []
        for (k, window) in TextWindows(bytes, encoding: encoding, start: start, sizes: windowSizes).windows.enumerated() {
            let decoded: DecodedText
            do {
                decoded = try TextDecoder.decode(
                    bytes, window: window.bytes, as: encoding, firstLine: window.firstLine, firstColumn: window.firstColumn)
            } catch {
                return failed(error)
            }
            let extractor: any TextExtractor =
                switch format {
                case .html, .xml: HTMLExtractor()
                case .markdown where k == 0: MarkdownExtractor()
                default: PlainTextExtractor()
                }
            let extraction = timings.measure("ingest") { extractor.extract(decoded) }
            let ingested = IngestedDocument(
                path: input.path, sha256: digest, byteCount: bytes.count, format: format, encoding: encoding, decoded: decoded,
                segments: extraction.segments, metadata: extraction.metadata, findings: extraction.findings)
            var classified = timings.measure("classify") { classifier.classify(ingested) }
            if let head { classified.docType = head.docType }
            let found = timings.measure("scan") { scanner.scan(classified) }
            merged.add(found, ingestFindings: extraction.findings, core: window.core, first: k == 0)
            let windowProfile = timings.measure("profiles") { DocumentProfile(classified, asOf: asOf, hashingText: hashesText) }
            if profile == nil { profile = windowProfile } else { profile?.absorb(windowProfile) }
            declarations += classified.declarations
            for link in AttachmentLinks.paths(in: ingested, at: input.path) where !attachments.contains(link) { attachments.append(link) }
            if head == nil { head = classified }
        }
        guard var head, let profile else { return failed(.undecodable(offset: start)) }
        head.declarations = declarations
        return assemble(
            head, shown: shown, role: role, ingestFindings: merged.ingest, scanFindings: merged.scan, profile: profile,
            attachments: attachments)
    }
}

/// The findings of a file's windows, each counted once: located ones by the window whose core
/// holds their first byte; document-level ones (a rule that stopped, a count of unlisted matches)
/// from every window, a rule's unlisted counts added up; a rule lists at most
/// ``RuleScanner/listedPerRule`` findings over the whole file, as for a file read whole.
struct WindowFindings {
    private(set) var ingest: [Finding] = []
    private var located: [Finding] = []
    private var documentLevel: [Finding] = []
    /// Per rule: matches not listed, the strictest severity among them, and a finding of the rule.
    private var unlisted: [String: (count: Int, severity: Severity, template: Finding)] = [:]

    mutating func add(_ scan: [Finding], ingestFindings: [Finding], core: Range<Int>, first: Bool) {
        for finding in ingestFindings where first || finding.location.map({ core.contains($0.byteStart) }) ?? (finding.kind == .unscannable) {
            ingest.append(finding)
        }
        for finding in scan {
            if let location = finding.location {
                if core.contains(location.byteStart) { located.append(finding) }
            } else if let n = RuleScanner.unlistedCount(finding) {
                addUnlisted(finding, n)
            } else if !documentLevel.contains(where: { $0.ruleID == finding.ruleID && $0.message == finding.message }) {
                documentLevel.append(finding)
            }
        }
    }

    private mutating func addUnlisted(_ finding: Finding, _ n: Int) {
        let previous = unlisted[finding.ruleID]
        unlisted[finding.ruleID] = (
            (previous?.count ?? 0) + n, max(previous?.severity ?? finding.severity, finding.severity), previous?.template ?? finding
        )
    }

    /// The scan findings of the whole file.
    var scan: [Finding] {
        var listed: [String: Int] = [:]
        var out: [Finding] = []
        var extra = unlisted
        for finding in located {
            listed[finding.ruleID, default: 0] += 1
            if listed[finding.ruleID]! <= RuleScanner.listedPerRule {
                out.append(finding)
            } else {
                let previous = extra[finding.ruleID]
                extra[finding.ruleID] = (
                    (previous?.count ?? 0) + 1, max(previous?.severity ?? finding.severity, finding.severity), previous?.template ?? finding
                )
            }
        }
        for (_, entry) in extra.sorted(by: { $0.key < $1.key }) {
            out.append(RuleScanner.unlistedFinding(like: entry.template, count: entry.count, severity: entry.severity))
        }
        return out + documentLevel
    }
}
