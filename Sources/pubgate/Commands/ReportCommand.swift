import ArgumentParser
import Foundation
import PubGateCore

/// `pubgate report`: lists for the 政务公开 office.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Produce lists for the 政务公开 office.",
        subcommands: [Monthly.self])

    struct Monthly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the 主动公开 公文 published in a month (JSON and CSV).",
            discussion: """
                Writes OUT/monthly-YYYY-MM.json and OUT/monthly-YYYY-MM.csv with 文号, 标题, 成文日期, \
                发布日期 and path of every 主动公开 公文 whose 发布日期 falls in the month. A 公文 \
                without a 发布日期 is listed under "undated" and warned about.

                Example:
                  pubgate report monthly --month 2025-06 site/content --out reports
                """)

        @Option(name: .long, help: "The month, YYYY-MM.")
        var month: String

        @Argument(help: "Published pages (files and folders).")
        var paths: [String]

        @Option(name: .long, help: "Folder for the lists.")
        var out: String

        @OptionGroup var ruleOptions: RuleOptions

        func validate() throws {
            guard Self.parse(month) != nil else { throw ValidationError("--month must be YYYY-MM, got \(month)") }
        }

        static func parse(_ month: String) -> (Int, Int)? {
            let parts = month.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else {
                return nil
            }
            return (y, m)
        }

        func run() throws {
            let (year, monthNumber) = Self.parse(month)!
            let configuration = try ruleOptions.load(root: RepositoryRoot.find(for: paths)).0
            let result = ClassifyRun(configuration: configuration).run(paths: paths)
            let list = MonthlyList(year: year, month: monthNumber, documents: result.documents)
            let base = "\(out)/monthly-\(list.month)"
            // Written as one set; a write error ends the run with exit 73 (`PubGate.main`).
            let output = try OutputSet(in: out, name: "monthly-\(list.month)")
            try AtomicWriter.writeJSON(list, to: output.path("monthly-\(list.month).json"))
            try AtomicWriter.write(Data(list.csv.utf8), to: output.path("monthly-\(list.month).csv"))
            try output.commit()
            for path in list.undated {
                FileHandle.standardError.write(Data("warning: \(path): 主动公开 公文 without a 发布日期\n".utf8))
            }
            let unreadable = (result.problems.filter { !$0.isSkipped }.map(\.path) + result.undecodable).map(DisplayPath.of)
            for path in unreadable {
                FileHandle.standardError.write(Data("error: \(path): cannot be read or decoded; not listed\n".utf8))
            }
            print("\(list.documents.count) 主动公开 公文 published in \(list.month): \(base).json, \(base).csv")
            if !unreadable.isEmpty { throw ExitStatus.unreadableInput }
        }
    }
}
