import Foundation

/// Why a file could not be used.
struct UnreadableFile: Error {
    let reason: String
}

/// The per-document stages of a review, built once and shared by every worker.
struct Stages: Sendable {
    let ingest = IngestStage()
    let classifier: Classifier
    let scanner: RuleScanner
    let fileNames: FileNameScan
    let attributes: AttributeCheck
    let publication: PublicationCheck
    let decide: DecideStage
    let implications: [String: DisclosureAttribute]
    let showMatches: Bool
    let asOf: SimpleDate
    let normativeDefaults: Settings.PublicationSettings.Normative
    let timings: StageTimings
    let windowSizes: TextWindows.Sizes
    /// Whether profiles carry their text hash: only a run with a corpus index compares it.
    let hashesText: Bool

    init(configuration: ReviewConfiguration, options: ReviewOptions, timings: StageTimings = StageTimings()) {
        self.timings = timings
        let settings = configuration.settings
        classifier = configuration.classifier
        scanner = RuleScanner(
            rules: configuration.rules, asOf: options.asOf, showMatches: options.showMatches,
            publicNumbers: Set(settings.publicNumbers.map { $0.filter(\.isNumber) }))
        fileNames = FileNameScan(ingest: ingest, classifier: classifier, scanner: scanner)
        attributes = AttributeCheck(settings: settings.attribute)
        publication = PublicationCheck(settings: settings, asOf: options.asOf, repealed: configuration.repealed)
        decide = DecideStage(policy: DecisionPolicy(settings: settings))
        var implications: [String: DisclosureAttribute] = [:]
        for compiled in configuration.rules.rules { implications[compiled.rule.id] = compiled.rule.implies }
        self.implications = implications
        showMatches = options.showMatches
        asOf = options.asOf
        normativeDefaults = settings.publication.normative
        windowSizes = options.windows
        hashesText = options.index != nil
    }

    /// Ingest and classify only (published pages, monthly lists, the sweep); nil when the file
    /// cannot be used.
    func classify(file: String) -> ClassifiedDocument? {
        if case .success(let document) = classifyOrExplain(file: file) { return document }
        return nil
    }

    /// The classified document, or why the file cannot be read or decoded.
    func classifyOrExplain(file: String) -> Result<ClassifiedDocument, UnreadableFile> {
        guard let input = RawInput(contentsOf: file) else { return .failure(UnreadableFile(reason: "cannot read the file")) }
        let ingested = ingest.run(input)
        guard !ingested.isUnscannable else {
            return .failure(UnreadableFile(reason: ingested.findings.first?.message ?? "cannot decode the file"))
        }
        return .success(classifier.classify(ingested))
    }

    /// What decided the type, and every candidate match of the scan and what was decided about it
    /// (`pubgate explain FILE`).
    func trace(file: String) -> Result<DocumentTrace, UnreadableFile> {
        classifyOrExplain(file: file).map { document in
            let trace = ScanTrace(showMatches: showMatches)
            _ = scanner.scan(document, trace: trace)
            return DocumentTrace(typeReason: document.typeReason, scan: trace)
        }
    }

    /// The whole per-document review of `name` (read from its source, nil when it could not be),
    /// recorded under its ``DisplayPath``; the profile is nil for a document that could not be
    /// decoded and for a site asset; `attachments` are the names of the files the page links, to
    /// read them by (the review lists them as displayed).
    func review(_ name: String, input: RawInput?, role: DocumentRole) -> (review: DocumentReview, profile: DocumentProfile?, attachments: [String]) {
        timings.measure("documents") { reviewDocument(name, input: input, role: role) }
    }

    private func reviewDocument(_ file: String, input: RawInput?, role: DocumentRole) -> (
        review: DocumentReview, profile: DocumentProfile?, attachments: [String]
    ) {
        let shown = DisplayPath.of(file)
        guard let input else {
            return (Self.unreadable(path: shown, reason: "cannot read the file", reasonID: "unscannable.cannot_read_file", decide: decide), nil, [])
        }
        if windowSizes.apply(to: input) { return reviewInWindows(input, shown: shown, role: role) }
        let ingested = timings.measure("ingest") { ingest.run(input) }
        guard !ingested.isUnscannable else { return (unscannable(ingested, shown: shown), nil, []) }
        let classified = timings.measure("classify") { classifier.classify(ingested) }
        let scanFindings = timings.measure("scan") { scanner.scan(classified) }
        let asset = role == .asset && !ingested.format.isBinary
        return assemble(
            classified, shown: shown, role: role, ingestFindings: ingested.findings, scanFindings: scanFindings,
            profile: asset ? nil : timings.measure("profiles") { DocumentProfile(classified, asOf: asOf, hashingText: hashesText) },
            attachments: AttachmentLinks.paths(in: ingested, at: input.path))
    }

    /// The review of a document that could not be decoded or read: its findings say why.
    func unscannable(_ ingested: IngestedDocument, shown: String) -> DocumentReview {
        DocumentReview(
            .unscannable(ingested, shown: shown), verdict: decide.verdict(on: ingested.findings + fileNames.findings(for: ingested.path)))
    }

    /// The review of a classified and scanned document: the document checks, the content's
    /// implied attribute, inline suppressions, and the masked facts the manifest shows (for a
    /// site asset, its scan findings only).
    func assemble(
        _ classified: ClassifiedDocument, shown: String, role: DocumentRole, ingestFindings: [Finding], scanFindings: [Finding],
        profile: DocumentProfile?, attachments: [String]
    ) -> (review: DocumentReview, profile: DocumentProfile?, attachments: [String]) {
        let ingested = classified.ingested
        let file = ingested.path
        let inline = timings.measure("suppressions") { InlineSuppressions(lines: classified.lines, text: classified.normalized.utf8) }
        let names = NameMasking(findings: scanFindings, showMatches: showMatches)
        let masked = ElementMasking(showMatches: showMatches, names: names)
        // A Word file, spreadsheet, OFD or PDF is never a template: always judged as a document.
        if role == .asset && !ingested.format.isBinary {
            let findings = names.excerpts(of: ingestFindings + scanFindings + fileNames.findings(for: file) + inline.problems)
            return (
                DocumentReview(.asset(classified, shown: shown, masked: masked), verdict: decide.verdict(on: findings), inlineAllows: inline.allows),
                nil, []
            )
        }
        let (assessment, contentFindings) = attributes.contentFindings(
            for: classified, scanFindings: scanFindings, implications: implications)
        let findings = names.excerpts(
            of: ingestFindings + attributes.declarationFindings(for: classified) + publication.findings(for: classified)
                + scanFindings + fileNames.findings(for: file) + contentFindings + inline.problems)
        let facts = DocumentDescription.document(
            classified, shown: shown, masked: masked, assessment: assessment, normativeDefaults: normativeDefaults, attachments: attachments)
        return (DocumentReview(facts, verdict: decide.verdict(on: findings), inlineAllows: inline.allows), profile, attachments)
    }

    static func unreadable(path: String, reason: String, reasonID: String, decide: DecideStage) -> DocumentReview {
        let finding = Finding(
            ruleID: "input_unreadable", kind: .unscannable, severity: .block,
            text: Message("input_unreadable", UnscannableReason.args(reason, id: reasonID)))
        return DocumentReview(.unreadable(path: path), verdict: decide.verdict(on: [finding]))
    }
}
