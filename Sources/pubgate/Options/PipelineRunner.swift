import Foundation
import PubGateCore

/// The review pipeline as every reviewing command runs it.
enum PipelineRunner {
    /// Runs the review pipeline; an index that fails mid-run ends it with exit 74, nothing approved.
    static func review(_ configuration: ReviewConfiguration, _ options: ReviewOptions, source: some DocumentSource) throws -> ReviewOutcome {
        do {
            return try ReviewPipeline(configuration: configuration, options: options, version: PubGate.version).run(source: source)
        } catch {
            FileHandle.standardError.write(Data("error: index \(error.description); nothing was approved\n".utf8))
            throw ExitStatus.ioError
        }
    }

    /// Reviews files and folders on disk that belong to `root` (the run's output folder excluded).
    static func review(_ configuration: ReviewConfiguration, _ options: ReviewOptions, paths: [String], root: RepositoryRoot) throws -> ReviewOutcome
    {
        try review(configuration, options, source: FileSource(paths: paths, excluding: options.outputDirectory.map { [$0] } ?? [], root: root))
    }
}
