import Foundation

/// The apply step's write-ahead journal (`OUT/journal.jsonl`): one JSON line per step, each line
/// fsynced before the step it records is taken further.
///
/// A run writes `plan` (every file it will delete, with its sha256, named as reports name it),
/// `archived` (the verified archive, by absolute path), one `removed` per file, then `done`. A run without `done` was interrupted: the next
/// apply finishes it first — from its own plan and archive, because once some pages are gone a
/// fresh plan would no longer see them (a 解读 goes with its policy only in the same run).
struct SweepJournal: Sendable {
    struct Event: Codable, Sendable, Equatable {
        var event: String
        var run: String
        var archive: String?
        var sha256: String?
        var path: String?
        var files: [PlannedFile]?
        /// On `plan`: the run id of the sweep plan being applied, so a rerun of the same signed-off
        /// plan knows the interrupted run was its own.
        var planRun: String?

        enum CodingKeys: String, CodingKey {
            case event, run, archive, sha256, path, files
            case planRun = "plan_run"
        }
    }

    /// A file the run deletes once its archive is verified.
    struct PlannedFile: Codable, Sendable, Equatable {
        let path: String
        let sha256: String

        /// As the journal records it: the path masked like every output's (``DisplayPath``).
        var displayed: PlannedFile { PlannedFile(path: DisplayPath.of(path), sha256: sha256) }
    }

    let path: String

    func events() -> [Event] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        // A torn last line (killed mid-write) is ignored: the step it would record was not taken.
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONDecoder().decode(Event.self, from: Data($0.utf8))
        }
    }

    /// The events of the last run that has no `done`, if any.
    func unfinishedRun() -> [Event]? {
        let all = events()
        guard let last = all.last(where: { $0.event == "plan" }) else { return nil }
        let run = all.filter { $0.run == last.run }
        return run.contains { $0.event == "done" || $0.event == "abandoned" } ? nil : run
    }

    /// True when a run applying the sweep plan `planRun` reached `done`.
    func completed(plan planRun: String) -> Bool {
        let all = events()
        let runs = Set(all.filter { $0.event == "plan" && $0.planRun == planRun }.map(\.run))
        return all.contains { $0.event == "done" && runs.contains($0.run) }
    }

    func append(_ event: Event) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(event)
        line.append(0x0A)
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = fm.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        try handle.synchronize()
        FaultInjector.reached(event.event)
    }
}
