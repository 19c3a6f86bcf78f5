import Foundation
import Synchronization

/// The review pipeline: ingest → classify → scan → aggregate → decide.
///
/// Ordering constraints: classify must come before scan because rules are scoped by document type
/// and run on the normalized text classify builds; the attribute comparison follows the scan
/// because the content's implied attribute comes from scan findings; aggregate needs every
/// document's profile; decide comes last and again after aggregate adds findings. Documents are
/// independent until aggregation, so they are processed on all cores; each worker holds one
/// document at a time, writes its review to the ``ReviewStore`` and keeps only a digest and the
/// aggregation profile in memory.
public struct ReviewPipeline: Sendable {
    let configuration: ReviewConfiguration
    let options: ReviewOptions
    let version: String

    public init(configuration: ReviewConfiguration, options: ReviewOptions, version: String) {
        self.configuration = configuration
        self.options = options
        self.version = version
    }

    /// Reviews the files and folders at `paths` (no repository root: baseline entries name the
    /// paths as given). Throws only when the corpus index cannot be read.
    func run(paths: [String]) throws(IndexError) -> ReviewOutcome {
        try run(source: FileSource(paths: paths, excluding: options.outputDirectory.map { [$0] } ?? []))
    }

    /// Reviews the documents of `source`. Throws only when the corpus index cannot be read: a
    /// review that could not look at the corpus must not approve anything (fail closed).
    public func run(source: some DocumentSource) throws(IndexError) -> ReviewOutcome {
        let inputs = source.collect()
        let timings = StageTimings()
        let wall = ContinuousClock.now
        let stages = Stages(configuration: configuration, options: options, timings: timings)
        let store = ReviewStore()
        var results = reviewEach(inputs, of: source, stages: stages, store: store)
        let (aggregate, added) = try aggregateBatch(results, stages: stages, timings: timings)
        let batchStart = ContinuousClock.now
        let stale = decideBatch(&results, added: added, of: source, stages: stages, store: store)
        // After suppressions: a page follows its attachments' final decisions.
        for (i, found) in AttachmentReview(source: source).findings(results.map { ($0.digest, $0.name, $0.attachments) }) {
            var review = store.load(at: results[i].slot)
            review.record(stages.decide.adding(found, to: review.verdict))
            results[i] = results[i].replacing(review, store: store)
        }
        for problem in inputs.problems {
            let review = Stages.unreadable(
                path: DisplayPath.of(problem.path), reason: problem.reason, reasonID: problem.reasonID, decide: stages.decide)
            results.append(Reviewed((review, nil, []), name: problem.path, store: store))
        }
        timings.add("batch", ContinuousClock.now - batchStart)
        let manifest = Manifest(
            version: version, asOf: options.asOf, rulesLoaded: configuration.rules.rules.count,
            showMatches: options.showMatches, documents: ReviewList(store: store, slots: results.map(\.slot)),
            digests: results.map(\.digest), batchFindings: aggregate.batchFindings, staleSuppressions: stale,
            settings: options.settingsFiles.map(\.displayed),
            excluded: inputs.excluded.map { InputCollector.Exclusion(path: DisplayPath.of($0.path), reason: $0.reason, reasonID: $0.reasonID) })
        if StageTimings.enabled {
            let elapsed = ContinuousClock.now - wall
            FileHandle.standardError.write(
                Data(
                    (timings.line
                        + String(
                            format: " wall=%.3f workers=%d peak_mb=%d\n",
                            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, options.workers,
                            StageTimings.peakMemoryMB ?? -1)).utf8))
        }
        return ReviewOutcome(manifest: manifest, problems: inputs.problems)
    }

    /// Stages 1–3 and the document's own decision, on all cores, then the attachments the pages
    /// link from inside the reviewed folders; each review goes to the store as it is made.
    private func reviewEach(
        _ inputs: InputCollector.Inputs, of source: some DocumentSource, stages: Stages, store: ReviewStore
    ) -> [Reviewed] {
        let (files, sizes) = (inputs.files, inputs.sizes)
        let roles = PathRoles(settings: configuration.settings.paths, root: source.root)
        let slots = ResultSlots<Reviewed>(count: files.count)
        let counter = Mutex(ReviewProgress(documents: 0, of: files.count, bytes: 0, of: sizes.reduce(0, +)))
        let progress = options.progress
        // Largest files first: a long file started last would leave one core working alone at the
        // end, and started first it meets the least accumulated state (peak memory).
        let order = files.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        forEachConcurrently(files.count, workers: options.workers) { position in
            let index = order[position]
            let name = files[index]
            let reviewed = stages.review(name, input: source.read(name), role: roles.role(of: source.repositoryPath(of: name)))
            slots.store(stages.timings.measure("store") { Reviewed(reviewed, name: name, store: store) }, at: index)
            if let progress {
                progress(counter.withLock { $0.add(bytes: sizes[index]) })
            }
        }
        var results = slots.results
        for file in AttachmentReview(source: source).unreviewed(results.map { ($0.name, $0.attachments) }) {
            results.append(Reviewed(stages.review(file, input: source.read(file), role: .document), name: file, store: store))
        }
        return results
    }

    /// Stage 4 over the batch, the published pages and the corpus index: the batch findings, and
    /// the findings each document gets, by its index in `results`.
    private func aggregateBatch(
        _ results: [Reviewed], stages: Stages, timings: StageTimings
    ) throws(IndexError) -> (AggregateStage.Result, [Int: [Finding]]) {
        let published = publishedProfiles(stages)
        let batchProfiles = results.compactMap(\.profile)
        let reviewedIndex = results.indices.filter { results[$0].profile != nil }
        let aggregateStart = ContinuousClock.now
        let corpus = try options.index?.context(for: batchProfiles, asOf: options.asOf, rules: configuration.aggregation)
        timings.add("index_query", ContinuousClock.now - aggregateStart)
        let aggregate = AggregateStage(
            rules: configuration.aggregation, interpretation: configuration.settings.publication.interpretation, asOf: options.asOf
        ).run(batch: batchProfiles, published: published, corpus: corpus)
        timings.add("aggregate", ContinuousClock.now - aggregateStart)
        var added: [Int: [Finding]] = [:]
        for (profileIndex, found) in aggregate.perDocument { added[reviewedIndex[profileIndex], default: []] += found }
        return (aggregate, added)
    }

    /// Stage 5 again for the documents the batch steps change: aggregation findings, then
    /// suppressions (last: they may accept aggregation findings too), each suppression with who
    /// added it. Only those documents are read back from the store. Returns the suppressions that
    /// accepted nothing.
    private func decideBatch(
        _ results: inout [Reviewed], added: [Int: [Finding]], of source: some DocumentSource, stages: Stages, store: ReviewStore
    ) -> [StaleSuppression] {
        // Baseline entries name repository paths (``DocumentSource/repositoryPath(of:)``), as
        // every output shows paths (``DisplayPath``).
        let entries = Dictionary(grouping: options.baseline?.entries ?? [], by: \.path)
        let staleSlots = ResultSlots<[StaleSuppression]>(count: results.count)
        let finished = ResultSlots<Reviewed>(count: results.count)
        let reviewed = results
        forEachConcurrently(reviewed.count, workers: options.workers) { i in
            // Without a baseline no document's repository path needs working out.
            let baseline = entries.isEmpty ? [] : source.repositoryPath(of: reviewed[i].name).flatMap { entries[DisplayPath.of($0)] } ?? []
            guard added[i] != nil || !baseline.isEmpty || !reviewed[i].inlineAllows.isEmpty else {
                staleSlots.store([], at: i)
                return
            }
            // Aggregation findings alone: merged into the stored entry without decoding it.
            if let found = added[i], baseline.isEmpty, reviewed[i].inlineAllows.isEmpty,
                let (slot, digest) = store.adding(found, at: reviewed[i].slot, digest: reviewed[i].digest, decide: stages.decide)
            {
                staleSlots.store([], at: i)
                finished.store(reviewed[i].replacing(slot: slot, digest: digest), at: i)
                return
            }
            var review = store.load(at: reviewed[i].slot)
            var verdict = review.verdict
            if let found = added[i] { verdict = stages.decide.adding(found, to: verdict) }
            let suppressed = stages.decide.suppressing(verdict, allows: reviewed[i].inlineAllows, baseline: baseline)
            verdict = suppressed.verdict
            let name = reviewed[i].name
            verdict.suppressed = SuppressionBlame.attributed(verdict.suppressed) { source.blame(name, line: $0) }
            review.record(verdict)
            staleSlots.store(suppressed.stale.map { StaleSuppression(path: review.path, suppression: $0) }, at: i)
            finished.store(reviewed[i].replacing(review, store: store), at: i)
        }
        for (i, reviewed) in finished.indexedResults { results[i] = reviewed }
        return staleSlots.results.flatMap { $0 }
    }

    /// One document once its worker is done: where its review is stored, its digest, and what the
    /// batch steps still need (its profile for aggregation, its inline allows for suppression).
    private struct Reviewed: Sendable {
        let slot: ReviewStore.Slot
        let digest: DocumentDigest
        let inlineAllows: [InlineSuppressions.Allow]
        /// The document's name in its source, to read it by (reviews and digests show its ``DisplayPath``).
        let name: String
        /// The attachments a page links, by name.
        let attachments: [String]
        let profile: DocumentProfile?

        init(_ reviewed: (review: DocumentReview, profile: DocumentProfile?, attachments: [String]), name: String, store: ReviewStore) {
            self.init(
                slot: store.store(reviewed.review), digest: DocumentDigest(reviewed.review), inlineAllows: reviewed.review.inlineAllows,
                name: name, attachments: reviewed.attachments, profile: reviewed.profile)
        }

        private init(
            slot: ReviewStore.Slot, digest: DocumentDigest, inlineAllows: [InlineSuppressions.Allow], name: String, attachments: [String],
            profile: DocumentProfile?
        ) {
            self.slot = slot
            self.digest = digest
            self.inlineAllows = inlineAllows
            self.name = name
            self.attachments = attachments
            self.profile = profile
        }

        /// The same document with its review stored anew at `slot` by the batch steps.
        func replacing(slot: ReviewStore.Slot, digest: DocumentDigest) -> Reviewed {
            Reviewed(slot: slot, digest: digest, inlineAllows: inlineAllows, name: name, attachments: attachments, profile: nil)
        }

        /// The same document with its review changed by the batch steps (no profile needed any more).
        func replacing(_ review: DocumentReview, store: ReviewStore) -> Reviewed {
            Reviewed((review, nil, attachments), name: name, store: store)
        }
    }

    /// The scan's decision on every candidate match of one file; the reason when it cannot be read.
    public func trace(file: String) -> Result<DocumentTrace, any Error> {
        Stages(configuration: configuration, options: options).trace(file: file).mapError { $0 }
    }

    /// Profiles of the published site's pages: ingested and classified, not scanned (nor their text
    /// hashed: A-08 looks at the index, not at these pages).
    private func publishedProfiles(_ stages: Stages) -> [DocumentProfile] {
        guard !options.published.isEmpty else { return [] }
        let files = InputCollector().collect(options.published).files
        let slots = ResultSlots<DocumentProfile?>(count: files.count)
        forEachConcurrently(files.count, workers: options.workers) { index in
            slots.store(stages.classify(file: files[index]).map { DocumentProfile($0, asOf: stages.asOf, hashingText: false) }, at: index)
        }
        return slots.results.compactMap { $0 }
    }
}
