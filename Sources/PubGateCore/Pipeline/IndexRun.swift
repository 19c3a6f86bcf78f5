import Foundation

/// Fills the corpus index: pages ingested and classified on all cores, reduced to their profiles
/// (keys, not text) and written in one transaction.
public struct IndexRun: Sendable {
    let configuration: ReviewConfiguration
    let asOf: SimpleDate

    public init(configuration: ReviewConfiguration, asOf: SimpleDate) {
        self.configuration = configuration
        self.asOf = asOf
    }

    typealias Record = (profile: DocumentProfile, sha256: String, attribute: String?, validity: String?, writtenDate: SimpleDate?)

    /// Adds `files` to `index` in chunks (a chunk's documents are classified in parallel, reduced to
    /// their profiles and written in one transaction, so memory stays flat however large the site);
    /// returns the files that could not be read or decoded (not added).
    public func add(_ files: [String], to index: CorpusIndex, chunk: Int = 512) throws(IndexError) -> [String: String] {
        let stages = Stages(configuration: configuration, options: ReviewOptions(asOf: asOf))
        let asOf = self.asOf
        var unreadable: [String: String] = [:]
        for part in files.chunked(chunk) {
            let slots = ResultSlots<Result<Record, UnreadableFile>>(count: part.count)
            forEachConcurrently(part.count, workers: ProcessInfo.processInfo.activeProcessorCount) { i in
                slots.store(
                    stages.classifyOrExplain(file: part[i]).map { d in
                        (DocumentProfile(d, asOf: asOf), d.ingested.sha256, d.attributeSummary, d.metadata.validity, d.writtenDate)
                    }, at: i)
            }
            var records: [Record] = []
            for (file, result) in zip(part, slots.results) {
                switch result {
                case .success(let r): records.append(r)
                case .failure(let problem): unreadable[file] = problem.reason
                }
            }
            try index.add(records)
        }
        return unreadable
    }

    /// Every page of the site `layout` describes (as the sweep sees them).
    public static func pages(in layout: SiteLayout) -> [String] {
        InputCollector().collect([layout.root]).files.filter { layout.isPage(layout.relative($0)) }
    }
}
