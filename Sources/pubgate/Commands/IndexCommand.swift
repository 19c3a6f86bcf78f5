import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate index`: the published-corpus index the aggregation rules look at.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or extend the published-corpus index (SQLite; keys, never raw personal data).",
        subcommands: [Build.self, Add.self, Migrate.self])

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Index every page of the published site.",
            discussion:
                "Example:\n  pubgate index build site/            # writes .pubgate/index.sqlite at the repository root of site/ (site/ itself outside git)"
        )

        @Argument(help: "The published site (a Hugo site root or a folder of pages).")
        var site: String

        @Option(name: .long, help: "Index file (default: .pubgate/index.sqlite at the repository root, where review and check look).")
        var index: String?

        @Option(name: .long, help: "Date YYYY-MM-DD the pages are judged on (default: today).")
        var asOf: SimpleDate?

        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let root = RepositoryRoot.find(for: [site])
            let configuration = try ruleOptions.load(root: root).0
            let path = index ?? root.file(IndexOptions.defaultRelativePath)
            let store = try IndexOptions.openForWriting(path)
            let files = IndexRun.pages(in: SiteLayout(root: site))
            try IndexCommand.add(files, to: store, configuration: configuration, asOf: asOf)
            do {
                // The index records paths as every output shows them (``DisplayPath``).
                let prefix = DisplayPath.of(site.hasSuffix("/") ? site : site + "/")
                let gone = try store.markMissing(
                    under: prefix.split(separator: "#").first.map(String.init) ?? prefix, present: Set(files.map(DisplayPath.of)))
                if gone > 0 { print("\(gone) documents no longer on the site marked withdrawn") }
            } catch {
                FileHandle.standardError.write(Data("error: index \(error.description)\n".utf8))
                throw ExitStatus.ioError
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record documents as published (after approval and publication).",
            discussion: "Example:\n  pubgate index add drafts/approved/*.md --index site/.pubgate/index.sqlite")

        @Argument(help: "Files and folders to record.")
        var paths: [String]

        @Option(name: .long, help: "Index file.")
        var index: String

        @Option(name: .long, help: "Date YYYY-MM-DD the documents are judged on (default: today).")
        var asOf: SimpleDate?

        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let configuration = try ruleOptions.load().0
            let store = try IndexOptions.openForWriting(index)
            try IndexCommand.add(InputCollector().collect(paths).files, to: store, configuration: configuration, asOf: asOf)
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring an index made by an earlier pubgate to the current schema.",
            discussion: "Example:\n  pubgate index migrate --index site/.pubgate/index.sqlite")

        @Option(name: .long, help: "Index file.")
        var index: String

        func run() throws {
            let store = try IndexOptions.openForWriting(index)
            print("\(store.path): schema up to date, \(store.documentCount) documents")
        }
    }

    static func add(_ files: [String], to store: CorpusIndex, configuration: ReviewConfiguration, asOf: SimpleDate?) throws {
        let unreadable: [String: String]
        do {
            unreadable = try IndexRun(configuration: configuration, asOf: asOf ?? SimpleDate.today()).add(files, to: store)
        } catch {
            FileHandle.standardError.write(Data("error: index \(error.description)\n".utf8))
            throw ExitStatus.ioError
        }
        for (path, reason) in unreadable.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("error: \(DisplayPath.of(path)): \(reason); not indexed\n".utf8))
        }
        print("\(files.count - unreadable.count) documents indexed; \(store.path) holds \(store.documentCount)")
        if !unreadable.isEmpty { throw ExitStatus.unreadableInput }
    }
}
