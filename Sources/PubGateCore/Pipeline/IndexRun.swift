import Foundation

/// Fills the corpus index: pages ingested and classified on all cores, reduced to their profiles
/// (keys, not text) and written in one transaction.
public struct IndexRun: Sendable {
    public let configuration: ReviewConfiguration
    public let asOf: SimpleDate

    public init(configuration: ReviewConfiguration, asOf: SimpleDate) {
        self.configuration = configuration
        self.asOf = asOf
    }

    /// Adds `files` to `index`; returns the files that could not be read or decoded (not added).
    public func add(_ files: [String], to index: CorpusIndex) throws(IndexError) -> [String: String] {
        let stages = Stages(configuration: configuration, options: ReviewOptions(asOf: asOf))
        let slots = ResultSlots<Result<ClassifiedDocument, UnreadableFile>>(count: files.count)
        forEachConcurrently(files.count, workers: ProcessInfo.processInfo.activeProcessorCount) { i in
            slots.store(stages.classifyOrExplain(file: files[i]), at: i)
        }
        var records: [(profile: DocumentProfile, sha256: String, attribute: String?, validity: String?, writtenDate: SimpleDate?)] = []
        var unreadable: [String: String] = [:]
        for (file, result) in zip(files, slots.results) {
            switch result {
            case .success(let d):
                records.append((DocumentProfile(d, asOf: asOf), d.ingested.sha256, d.attributeSummary, d.metadata.validity, d.writtenDate))
            case .failure(let problem):
                unreadable[file] = problem.reason
            }
        }
        try index.add(records)
        return unreadable
    }

    /// Every page of a site (as the sweep sees them).
    public static func pages(of site: String) -> [String] {
        let layout = SiteLayout(root: site)
        return InputCollector().collect([site]).files.filter { layout.isPage(layout.relative($0)) }
    }
}
