import Foundation
import Synchronization

/// The review pipeline: ingest → classify → scan → aggregate → decide.
///
/// Ordering constraints: classify must come before scan because rules are scoped by document type
/// and run on the normalized text classify builds; the attribute comparison follows the scan
/// because the content's implied attribute comes from scan findings; aggregate needs every
/// document's profile; decide comes last and again after aggregate adds findings. Documents are
/// independent until aggregation, so they are processed on all cores; each worker holds one
/// document at a time and keeps only its review and profile.
public struct ReviewPipeline: Sendable {
    public let configuration: ReviewConfiguration
    public let options: ReviewOptions
    public let version: String

    public init(configuration: ReviewConfiguration, options: ReviewOptions, version: String) {
        self.configuration = configuration
        self.options = options
        self.version = version
    }

    /// Reviews `paths`. Throws only when the corpus index cannot be read: a review that could not
    /// look at the corpus must not approve anything (fail closed).
    public func run(paths: [String]) throws(IndexError) -> ReviewOutcome {
        let (files, problems) = InputCollector(excluding: options.outputDirectory.map { [$0] } ?? []).collect(paths)
        let timings = StageTimings()
        let wall = ContinuousClock.now
        let stages = Stages(configuration: configuration, options: options, timings: timings)
        let slots = ResultSlots<(DocumentReview, DocumentProfile?)>(count: files.count)
        let counter = Mutex(0)
        let progress = options.progress
        forEachConcurrently(files.count, workers: options.workers) { index in
            slots.store(stages.review(file: files[index]), at: index)
            if let progress {
                let done = counter.withLock { $0 += 1; return $0 }
                progress(done, files.count)
            }
        }
        // Attachments a page links from inside the reviewed folders are reviewed with it.
        let attachments = AttachmentReview(paths: paths)
        let results = slots.results + attachments.unreviewed(slots.results.map(\.0)).map { stages.review(file: $0) }
        var documents = results.map(\.0)
        let published = publishedProfiles(stages)
        let batchProfiles = results.compactMap(\.1)
        let reviewedIndex = results.indices.filter { results[$0].1 != nil }
        let aggregateStart = ContinuousClock.now
        let corpus = try options.index?.context(for: batchProfiles, asOf: options.asOf, rules: configuration.aggregation)
        timings.add("index_query", ContinuousClock.now - aggregateStart)
        let aggregate = AggregateStage(
            rules: configuration.aggregation, interpretation: configuration.settings.publication.interpretation, asOf: options.asOf
        ).run(batch: batchProfiles, published: published, corpus: corpus)
        timings.add("aggregate", ContinuousClock.now - aggregateStart)
        for (profileIndex, found) in aggregate.perDocument {
            documents[reviewedIndex[profileIndex]].add(found, policy: stages.policy)
        }
        // Suppressions last: they may accept aggregation findings too.
        var stale: [StaleSuppression] = []
        let entries = Dictionary(grouping: options.baseline?.entries ?? [], by: \.path)
        for i in documents.indices {
            stale += documents[i].applySuppressions(baseline: entries[documents[i].path] ?? [], policy: stages.policy)
                .map { StaleSuppression(path: documents[i].path, suppression: $0) }
            documents[i].attributeInlineSuppressions()
        }
        // After suppressions: a page follows its attachments' final decisions.
        for (index, found) in attachments.findings(documents) { documents[index].add(found, policy: stages.policy) }
        for problem in problems where !problem.isSkipped {
            documents.append(Stages.unreadable(path: problem.path, reason: problem.reason, policy: stages.policy))
        }
        let manifest = Manifest(
            version: version, asOf: options.asOf, rulesLoaded: configuration.rules.rules.count,
            showMatches: options.showMatches, documents: documents, batchFindings: aggregate.batchFindings, staleSuppressions: stale)
        if StageTimings.enabled {
            let elapsed = ContinuousClock.now - wall
            FileHandle.standardError.write(
                Data((timings.line + String(format: " wall=%.3f workers=%d\n", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, options.workers)).utf8))
        }
        return ReviewOutcome(manifest: manifest, problems: problems)
    }

    /// The scan's decision on every candidate match of one file; the reason when it cannot be read.
    public func trace(file: String) -> Result<ScanTrace, any Error> {
        Stages(configuration: configuration, options: options).trace(file: file).mapError { $0 }
    }

    /// Profiles of the published site's pages: ingested and classified, not scanned.
    private func publishedProfiles(_ stages: Stages) -> [DocumentProfile] {
        guard !options.published.isEmpty else { return [] }
        let (files, _) = InputCollector().collect(options.published)
        let slots = ResultSlots<DocumentProfile?>(count: files.count)
        forEachConcurrently(files.count, workers: options.workers) { index in
            slots.store(stages.classify(file: files[index]).map { DocumentProfile($0, asOf: stages.asOf) }, at: index)
        }
        return slots.results.compactMap { $0 }
    }
}
