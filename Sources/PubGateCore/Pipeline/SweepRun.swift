import Foundation
import Synchronization

/// The sweep's planning run: every page of a site ingested and classified on all cores, turned
/// into ``SitePage`` facts, and judged by ``SweepPlanner``. Nothing is changed on disk.
struct SweepRun: Sendable {
    let configuration: ReviewConfiguration
    let asOf: SimpleDate

    /// Plans the site `layout` describes (read once by the caller, who applies with the same
    /// layout). `progress` is called after each page, from any worker thread.
    func plan(_ layout: SiteLayout, runID: String, progress: (@Sendable (ReviewProgress) -> Void)? = nil) -> SweepPlan {
        let site = layout.root
        let inputs = InputCollector().collect([site])
        let (all, sizes, problems) = (inputs.files, inputs.sizes, inputs.problems)
        let chosen = all.indices.filter { layout.isPage(layout.relative(all[$0])) }
        let files = chosen.map { all[$0] }
        let counter = Mutex(ReviewProgress(documents: 0, of: files.count, bytes: 0, of: chosen.reduce(0) { $0 + sizes[$1] }))
        let stages = Stages(configuration: configuration, options: ReviewOptions(asOf: asOf))
        let slots = ResultSlots<Result<SitePage, UnreadableFile>>(count: files.count)
        let expiry = configuration.expiry
        let asOf = self.asOf
        forEachConcurrently(files.count, workers: ProcessInfo.processInfo.activeProcessorCount) { index in
            let file = files[index]
            slots.store(
                stages.classifyOrExplain(file: file).map { SitePage($0, relativePath: layout.relative(file), expiry: expiry, asOf: asOf) },
                at: index)
            if let progress { progress(counter.withLock { $0.add(bytes: sizes[chosen[index]]) }) }
        }
        var pages: [SitePage] = []
        var unreadable: [String: String] = [:]
        var digests: [String: String] = [:]
        for (file, result) in zip(files, slots.results) {
            switch result {
            case .success(let page):
                pages.append(page)
                digests[file] = page.sha256
            case .failure(let problem): unreadable[file] = problem.reason
            }
        }
        // The pages were read and hashed once, by the ingest above.
        let state = SiteState.capture(layout: layout, pages: files, digests: digests)
        for problem in problems where !problem.isSkipped { unreadable[problem.path] = problem.reason }
        return SweepPlanner(rules: expiry, normative: configuration.settings.publication.normative, asOf: asOf)
            .plan(pages, layout: layout, unreadable: unreadable, site: state, runID: runID)
    }
}
