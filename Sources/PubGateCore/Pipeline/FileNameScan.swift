import Foundation

/// The scan of a file's own name. A published file's name is part of its address
/// (`/files/张三_110105….xlsx`), so a number or a term in it is published with the file: the name
/// is reviewed as a one-line text with every rule. (The path itself is printed as the user gave
/// it: reports name the file to open.)
struct FileNameScan: Sendable {
    let ingest: IngestStage
    let classifier: Classifier
    let scanner: RuleScanner

    /// Findings in the last component of `path`, each marked `file-name` and placed nowhere in the
    /// file. An ASCII name without a run of 7 digits or an `@` is not scanned: an ID, a mobile, a
    /// card or an address needs one, and the terms rules look for are Chinese.
    func findings(for path: String) -> [Finding] {
        let name = (path as NSString).lastPathComponent
        guard Self.mayHoldFindings(name) else { return [] }
        let ingested = ingest.run(RawInput(path: "name.txt", bytes: Array(name.utf8)))
        return scanner.scan(classifier.classify(ingested)).map { finding in
            var f = finding
            f.part = .fileName
            f.location = nil
            return f
        }
    }

    private static func mayHoldFindings(_ name: String) -> Bool {
        var run = 0
        for scalar in name.unicodeScalars {
            if !scalar.isASCII || scalar == "@" { return true }
            run = ("0"..."9").contains(scalar) ? run + 1 : 0
            if run >= 7 { return true }
        }
        return false
    }
}
