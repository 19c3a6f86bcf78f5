import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate sweep`: the nightly expiry sweep of the published site.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Find expired, repealed and superseded pages (dry run by default).",
        discussion: """
            Writes OUT/purge.json (pages to remove, with the trigger and its evidence), OUT/relabel.json
            (pages to keep but mark) and prints a summary. Exit 0 when nothing is due, 1 when something
            is, 65 when a page could not be read (it is never purged).

            Example:
              pubgate sweep site/ --as-of 2025-06-30 --out sweep-out
            """)

    @Argument(help: "The published site (a Hugo site root or a folder of pages).")
    var site: String

    @Option(name: .long, help: "Folder for purge.json, relabel.json and the archive.")
    var out: String

    @Option(name: .long, help: "Sweep date YYYY-MM-DD (default: today in Asia/Shanghai).")
    var asOf: SimpleDate?

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let (configuration, _) = try ruleOptions.load()
        let expiry = try ruleOptions.loadExpiry()
        let plan = SweepRun(configuration: configuration, expiry: expiry, asOf: asOf ?? SimpleDate.today()).plan(site: site)
        do {
            try AtomicWriter.writeJSON(plan.purgeList, to: out + "/purge.json")
            try AtomicWriter.writeJSON(plan.relabelList, to: out + "/relabel.json")
        } catch {
            FileHandle.standardError.write(Data("error: cannot write to \(out): \(error.localizedDescription)\n".utf8))
            throw ExitStatus.cannotWrite
        }
        print(SweepSummary.render(plan, outputDirectory: out))
        for (path, reason) in plan.unreadable.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("error: \(path): \(reason); not judged, never purged\n".utf8))
        }
        if !plan.unreadable.isEmpty { throw ExitStatus.unreadableInput }
        if plan.isDue { throw ExitStatus.rejected }
    }
}
