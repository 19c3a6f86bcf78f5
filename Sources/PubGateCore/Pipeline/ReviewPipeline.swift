import Foundation

/// The review pipeline: ingest → classify → scan → decide, per document, in parallel.
///
/// Ordering constraints: classify must come before scan because rules are scoped by document type
/// and run on the normalized text classify builds; decide must come last because it sees every
/// finding, including the ones ingest makes for unreadable files. Documents are independent, so
/// they are processed on all cores; each worker holds one document at a time and keeps only its
/// summary (the ``DocumentReview``).
public struct ReviewPipeline: Sendable {
    public let rules: RuleSet
    public let options: ReviewOptions
    public let version: String

    public init(rules: RuleSet, options: ReviewOptions, version: String) {
        self.rules = rules
        self.options = options
        self.version = version
    }

    public func run(paths: [String]) -> ReviewOutcome {
        let (files, problems) = InputCollector().collect(paths)
        let slots = ResultSlots<DocumentReview>(count: files.count)
        let ingest = IngestStage()
        let classifier = Classifier()
        let scanner = Scanner(rules: rules, asOf: options.asOf, showMatches: options.showMatches)
        let policy = DecisionPolicy()
        let workers = min(options.workers, max(1, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = slots.nextIndex() {
                slots.store(
                    Self.review(file: files[index], ingest: ingest, classifier: classifier, scanner: scanner, policy: policy),
                    at: index)
            }
        }
        var documents = slots.results
        for problem in problems where !problem.isSkipped {
            documents.append(Self.unreadable(path: problem.path, reason: problem.reason))
        }
        let manifest = Manifest(
            version: version, asOf: options.asOf, rulesLoaded: rules.rules.count, showMatches: options.showMatches,
            documents: documents)
        return ReviewOutcome(manifest: manifest, problems: problems)
    }

    static func review(file: String, ingest: IngestStage, classifier: Classifier, scanner: Scanner, policy: DecisionPolicy)
        -> DocumentReview
    {
        guard let data = FileManager.default.contents(atPath: file) else {
            return unreadable(path: file, reason: "cannot read the file")
        }
        let ingested = ingest.run(RawInput(path: file, bytes: Array(data)))
        guard !ingested.isUnscannable else {
            return DocumentReview(
                path: file, sha256: ingested.sha256, bytes: ingested.byteCount, format: ingested.format,
                encoding: nil, docType: nil, title: nil, attribute: nil, declarations: [], decision: .reject,
                disposition: .block, findings: ingested.findings)
        }
        let classified = classifier.classify(ingested)
        let findings = (ingested.findings + AttributeCheck().findings(for: classified) + scanner.scan(classified))
            .sorted(by: Self.order)
        let (decision, disposition) = policy.decide(findings)
        return DocumentReview(
            path: file, sha256: ingested.sha256, bytes: ingested.byteCount, format: ingested.format,
            encoding: ingested.encoding, docType: classified.docType, title: classified.title,
            attribute: classified.attributeSummary, declarations: classified.declarations,
            decision: decision, disposition: disposition, findings: findings)
    }

    static func unreadable(path: String, reason: String) -> DocumentReview {
        let finding = Finding(
            ruleID: "input_unreadable", kind: .unscannable, severity: .block, message: "cannot read: \(reason)")
        return DocumentReview(
            path: path, sha256: "", bytes: 0, format: .unknown, encoding: nil, docType: nil, title: nil,
            attribute: nil, declarations: [], decision: .reject, disposition: .block, findings: [finding])
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        let la = a.location.map { ($0.line, $0.column) } ?? (0, 0)
        let lb = b.location.map { ($0.line, $0.column) } ?? (0, 0)
        if la != lb { return la < lb }
        return a.ruleID < b.ruleID
    }
}

/// Work distribution and result storage for the worker loop: hands out indices, keeps results in order.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    // Safe: every access to `next` and `slots` holds `lock`.
    private var next = 0
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func nextIndex() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var results: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
