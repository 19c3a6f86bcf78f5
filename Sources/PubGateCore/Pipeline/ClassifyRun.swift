import Foundation

/// Ingest and classify only, on all cores: for reports that need what documents are, not what they
/// contain (the monthly list). Unreadable or undecodable files are returned as problems.
public struct ClassifyRun: Sendable {
    let configuration: ReviewConfiguration

    public init(configuration: ReviewConfiguration) {
        self.configuration = configuration
    }

    public func run(paths: [String]) -> (documents: [ClassifiedDocument], problems: [InputCollector.Problem], undecodable: [String]) {
        let inputs = InputCollector().collect(paths)
        let (files, problems) = (inputs.files, inputs.problems)
        let stages = Stages(configuration: configuration, options: ReviewOptions(asOf: SimpleDate.today(), workers: nil))
        let slots = ResultSlots<ClassifiedDocument?>(count: files.count)
        forEachConcurrently(files.count, workers: ProcessInfo.processInfo.activeProcessorCount) { index in
            slots.store(stages.classify(file: files[index]), at: index)
        }
        let results = slots.results
        let undecodable = files.indices.filter { results[$0] == nil }.map { files[$0] }
        return (results.compactMap { $0 }, problems, undecodable)
    }
}
