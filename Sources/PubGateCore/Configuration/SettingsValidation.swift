import Foundation

/// Checks every setting's value beyond its type: ranges, formats and the rule ids a `severity:`
/// key names. A value that decodes but means nothing (`masking.resident_id: "banana"`,
/// `default_years: -3`, which made the sweep purge a seven-week-old 规范性文件) stops the run
/// (exit 78) with the file that set it and the dotted key.
struct SettingsValidation {
    /// Dotted key → the file that set it.
    let origins: [String: String]
    /// What a `severity:` key may name: kinds, rule ids of the rule files, built-in rule ids; nil
    /// when the rules are not known (settings loaded on their own).
    let knownIDs: Set<String>?

    func validate(_ settings: Settings, floors: [String: Severity]) throws(ConfigurationError) {
        if let knownIDs {
            for key in Array(settings.severity.keys) + Array(floors.keys) where !knownIDs.contains(key) {
                throw error("severity.\(key)", "no rule or finding kind is called `\(key)` (see `pubgate rules list` and Pipeline.md)")
            }
        }
        try template(settings.masking.residentID, key: "masking.resident_id", length: 18)
        try template(settings.masking.mobile, key: "masking.mobile", length: 11)
        let normative = settings.publication.normative
        try range(normative.defaultYears, 1...100, key: "publication.normative.default_years", unit: "years")
        try range(normative.trialYears, 1...100, key: "publication.normative.trial_years", unit: "years")
        try range(settings.publication.consultation.minWorkdays, 1...365, key: "publication.consultation.min_workdays", unit: "working days")
        for number in settings.publicNumbers {
            let digits = number.filter(\.isASCII).filter(\.isNumber).count
            guard digits >= 5, digits <= 20, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == " ") }) else {
                throw error("public_numbers", "`\(number)` is not a telephone number (digits, with dashes or spaces)")
            }
        }
        // A section or glob whose pattern does not compile would match nothing: a page would lose
        // its section's 公开属性, a `!` line would leave a document taken for an asset.
        for (i, section) in settings.sections.enumerated() {
            if let problem = section.problem() { throw error("sections", "section \(i + 1): \(problem)") }
        }
        for (key, globs) in [("paths.assets", settings.paths.assets), ("paths.hugo_assets", settings.paths.hugoAssets)] {
            for glob in globs where !PathGlob(glob.hasPrefix("!") ? String(glob.dropFirst()) : glob).compiles {
                throw error(key, "`\(glob)` is not a glob pubgate can read")
            }
        }
        let rebuild = settings.sweep.rebuild
        try range(rebuild.timeoutSeconds, 1...86_400, key: "sweep.rebuild.timeout_seconds", unit: "seconds")
        if let program = rebuild.command.first, program.trimmingCharacters(in: .whitespaces).isEmpty {
            throw error("sweep.rebuild.command", "the first item is the program to run and cannot be empty")
        }
        if let output = rebuild.output, output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw error("sweep.rebuild.output", "must name a folder of the site, or be null")
        }
        let author = settings.sweep.git.author
        // It becomes the commit's author and committer: one line, with a name.
        guard !author.trimmingCharacters(in: .whitespaces).isEmpty,
            !author.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw error("sweep.git.author", "must be one line, `Name <email>`") }
        if let organization = settings.archive.sourceOrganization {
            // It becomes a line of bag-info.txt: a line break would forge another field.
            guard !organization.trimmingCharacters(in: .whitespaces).isEmpty,
                !organization.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { throw error("archive.source_organization", "must be one line of text, or null") }
        }
    }

    /// A masking template `K+M`: K leading and M trailing characters left visible, fewer than
    /// `length` in all.
    private func template(_ value: String?, key: String, length: Int) throws(ConfigurationError) {
        guard let value else { return }
        let parts = value.split(separator: "+", omittingEmptySubsequences: false)
        guard parts.count == 2, let head = Int(parts[0]), let tail = Int(parts[1]), head >= 0, tail >= 0, head + tail < length,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else {
            throw error(
                key,
                "`\(value)` is not a masking template: write \"K+M\" (K leading and M trailing characters shown, fewer than \(length) in all), or null"
            )
        }
    }

    private func range(_ value: Int, _ allowed: ClosedRange<Int>, key: String, unit: String) throws(ConfigurationError) {
        guard allowed.contains(value) else {
            throw error(key, "\(value) is out of range (\(allowed.lowerBound)…\(allowed.upperBound) \(unit))")
        }
    }

    private func error(_ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: origins[key] ?? "settings", message: "`\(key)`: \(message)")
    }
}
